"""Role families: one for a job title, every advertised one for a Hacker News post."""

from __future__ import annotations

import pytest

from pipeline.domain.roles import FAMILIES, classify_roles, classify_title


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Machine Learning Engineer", "ml_engineer"),
        ("Senior ML Engineer, Ranking", "ml_engineer"),
        ("AI Engineer", "ml_engineer"),
        ("Software Engineer, Machine Learning", "ml_engineer"),
        ("Computer Vision Engineer", "ml_engineer"),
        ("Machine Learning Experts", "ml_engineer"),
        ("Computer vision specialists", "ml_engineer"),
        ("Search and Data-Mining Engineer", "ml_engineer"),
        ("Sales Specialist", "other"),
        ("NLP Engineer", "ml_engineer"),
        ("MLOps Engineer", "ml_engineer"),
        ("Software Engineer, Inference", "ml_engineer"),
        ("Engineering Manager, ML Platform", "ml_engineer"),
        ("Research Scientist", "research"),
        ("Research Engineer, Pretraining", "research"),
        ("Applied Scientist II", "research"),
        ("ML Researcher", "research"),
        ("Member of Technical Staff, Model Training", "research"),
        ("Data Scientist", "data_scientist"),
        ("Product Data Scientist", "data_scientist"),
        ("Decision Scientist", "data_scientist"),
        ("Data Engineer", "data_engineer"),
        ("Analytics Engineer", "data_engineer"),
        ("Software Engineer, Data Platform", "data_engineer"),
        ("Data Analyst", "data_analyst"),
        ("BI Analyst", "data_analyst"),
        ("Senior Backend Engineer", "software_engineer"),
        ("Site Reliability Engineer", "software_engineer"),
        ("iOS Developer", "software_engineer"),
        ("Security Engineer", "software_engineer"),
        ("QA Automation Engineer", "software_engineer"),
        ("Forward Deployed Engineer, AI", "software_engineer"),
        ("Solutions Engineer", "software_engineer"),
        ("Solutions Architect, Applied AI", "software_engineer"),
        ("Frontend Engineer - AI Products", "software_engineer"),
        ("Embedded Firmware Engineer", "software_engineer"),
        ("Member of Technical Staff", "software_engineer"),
        ("Product Manager, Machine Learning", "other"),
        ("Technical Recruiter, ML", "other"),
        ("Account Executive", "other"),
        ("Product Designer", "other"),
        ("UX Researcher", "other"),
        ("Senior Corporate Counsel", "other"),
        ("Head of Marketing", "other"),
        ("Technical Program Manager, Evals", "other"),
        ("Office Manager", "other"),
    ],
)
def test_classify_title(title, family):
    assert classify_title(title) == family


def test_every_title_gets_exactly_one_known_family():
    for title in ("", "???", "Chief Happiness Officer", "Engineer", "Data"):
        assert classify_title(title) in FAMILIES


def test_classify_roles_of_a_title_is_that_one_family():
    assert classify_roles("Staff Machine Learning Engineer") == {"ml_engineer"}
    assert classify_roles("Senior Account Executive") == {"other"}


def test_header_line_roles():
    post = "Acme | Data Scientist, Backend Engineer | Berlin | ONSITE\nWe build tools for farmers."
    assert classify_roles(post) == {"data_scientist", "software_engineer"}


def test_bulleted_roles_further_down():
    post = (
        "Acme - Boston, MA - Full time\n"
        "We make robots that pick fruit.\n"
        "We're hiring:\n"
        "* Machine Learning Engineer - https://example.org/jobs/1\n"
        "* Data Engineer (Spark, Airflow)\n"
        "* Product Designer - https://example.org/jobs/3\n"
    )
    assert classify_roles(post) == {"ml_engineer", "data_engineer", "other"}


def test_prose_post_with_a_hiring_sentence():
    post = (
        "San Francisco, CA. We help shops sell online and are growing fast. "
        "We are looking for an experienced data analyst and a couple of backend developers "
        "to join our small team. Email jobs@example.org."
    )
    assert classify_roles(post) == {"data_analyst", "software_engineer"}


def test_roles_that_are_not_on_offer_do_not_count():
    post = (
        "Acme | Backend Engineer | Remote\n"
        "You will work closely with our data scientists and researchers, "
        "and you will be founded by ex-Google engineers."
    )
    assert classify_roles(post) == {"software_engineer"}


def test_engineers_in_general_are_software_engineers():
    post = "Acme is hiring engineers!\nWe love Python, Postgres and small teams.\nRemote OK."
    assert classify_roles(post) == {"software_engineer"}


def test_a_stack_without_a_role_is_software_engineering():
    post = "Acme, Berlin\nWe are language agnostic in the backend: Node.js, Python, Ruby.\n"
    assert classify_roles(post) == {"software_engineer"}


def test_a_post_that_offers_no_role_gets_no_family():
    post = "Shameless plug: my job board at example.org has no recruiters.\nIt is free."
    assert classify_roles(post) == set()


def test_parenthesised_specialty_refines_the_role():
    post = (
        "Acme | NYC\nOpen roles:\n- Data Scientist (Machine Learning)\n- Platform Engineer (ML)\n"
    )
    assert classify_roles(post) == {"data_scientist", "ml_engineer"}


def test_non_engineering_roles_in_a_post():
    post = (
        "Acme | Multiple roles | London\n"
        "We are hiring a Senior Frontend Engineer, a Technical Recruiter and an "
        "Account Executive."
    )
    assert classify_roles(post) == {"software_engineer", "other"}


def test_empty_text_has_no_family():
    assert classify_roles("") == set()


@pytest.mark.parametrize(
    "post",
    [
        # ML as the area of the work on offer, in a hiring sentence or in the header.
        "Listo | Full-stack developer | Mexico City\nWe are looking to hire full-stack "
        "developers familiar with Python/Django. Challenges include smart data extraction, "
        "browser automation, machine learning, etc.",
        "PrairieLearn (Remote US) - Full-Stack Software Engineer - TypeScript / React / ML\n"
        "PrairieLearn is an open-source assessment platform.",
        # a bullet wrapped over lines is one sentence
        "Acme, Toronto\nWe are looking for:\n- Senior Web Developers to help us solve\n"
        "scalability challenges, improve search, implement machine learning\nand vision "
        "solutions.",
        "Acme | Warsaw -- REMOTE\nBuilding web applications using PHP and Node.js\n"
        "R&D of many areas including:\n- machine learning for algorithmic trading\n"
        "- IoT with Arduino",
        "Acme - Houston, TX\nWe're looking for experienced software engineers. We have many "
        "projects under active development, spanning natural language processing and "
        "machine learning.",
    ],
)
def test_a_generalist_role_working_in_ml_is_also_ml_engineer(post):
    assert classify_roles(post) == {"ml_engineer", "software_engineer"}


@pytest.mark.parametrize(
    "post",
    [
        # ML as a plus, a company domain name, or the ML language: not the role's area.
        "Acme | Backend Engineer | NYC\nWe're hiring a backend engineer. Python required; "
        "machine learning experience a plus.",
        "Polly.ai | Seattle | Full-time\nWe're looking for a full-stack developer.",
        "Acme | Compiler Engineer | Paris\nWe're hiring: you'll love it if you write "
        "Haskell/ML for fun.",
        "Acme | Boston\nWe are seeking developers who know Java. Gold stars if you have "
        "experience working with big data or machine learning.",
        "Acme | Founding Engineer | SF\nYOU: a founding engineer. The ideal candidate will "
        "also have experience in applying machine learning to real problems.",
    ],
)
def test_ml_outside_the_work_on_offer_does_not_add_ml_engineer(post):
    assert "ml_engineer" not in classify_roles(post)


@pytest.mark.parametrize(
    ("post", "families"),
    [
        # a list item's title ends before its purpose
        (
            "Acme | London\nHere are some of our needs:\n* Machine learning/ data engineers to "
            "work with open data and make the apps smarter.\n* Mobile (iOS and Android) engineers.",
            {"ml_engineer", "data_engineer", "software_engineer"},
        ),
        # a section's areas end at their dash
        (
            "Acme | SF\nWe're looking for people who want to work with:\n* iOS / Android\n"
            "* Machine Learning / data mining / recommendations - think of the Netflix prize!",
            {"ml_engineer", "software_engineer"},
        ),
        # a second header line of fields
        (
            "Acme | San Francisco, CA | ONSITE\nSr. Product Manager | Engineering - Web, "
            "Android, Backend, Data Science | Product Designer\nCome and build with us.",
            {"other", "software_engineer", "data_scientist"},
        ),
        # two nouns, one head
        (
            "Acme | Data, Android | SF\n- Lead Data Engineer/Scientist: own the data team.\n"
            "- Sr Android Engineer: work on our app.",
            {"data_engineer", "data_scientist", "software_engineer"},
        ),
        # a labelled title
        (
            "Location: Seattle\nTitle: Knowledge Engineer II (Native AI Software Engineer)\n"
            "Company: Acme",
            {"ml_engineer"},
        ),
    ],
)
def test_roles_in_lists_and_labelled_lines(post, families):
    assert classify_roles(post) == families
