-- One row per check of the claim skills-languages: share of ml_engineer jobs naming Python, R, Java and C++ in each window.
{{ skill_claim_checks('skills-languages', ['python', 'r', 'java', 'c++']) }}
