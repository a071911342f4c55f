"""Numbers, money, percentages and dates read as intervals for comparison."""

from checker.values.dates import find_dates, parse_date
from checker.values.numbers import find_quantities, parse_quantity
from checker.values.settings import ValueSettings

__all__ = ["ValueSettings", "find_dates", "find_quantities", "parse_date", "parse_quantity"]
