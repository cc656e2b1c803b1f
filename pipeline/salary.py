"""Public API (DESIGN.md): the pay a posting's text states.

``extract_salaries(text) -> list[Salary]``. The parser lives in ``pipeline.domain.pay_text``;
this module keeps the documented import path stable.
"""

from pipeline.domain.pay_text import extract_salaries
from pipeline.domain.salary import Salary

__all__ = ["Salary", "extract_salaries"]
