"""timeline/reading/dates.py: dates as page headers write them."""

import pytest

from timeline.reading.dates import parse_date
from timeline.settings import DATA_DIR


@pytest.mark.parametrize("text, value", [
    ("March 4,2030 20:12", "2030-03-04"),
    ("4 March,2030", "2030-03-04"),
    ("Thu 19th December 2030 | 10:55 PM", "2030-12-19"),
    ("10:34 / 2030-12-01", "2030-12-01"),
    ("OSLO, 17.08.2030 /Agency/.", "2030-08-17"),
    ("Sept. 8", "--09-08"),
    ("February 30, 2030", None),
])
def test_header_dates(text, value):
    found = parse_date(text, DATA_DIR)
    assert (found.value if found else None) == value
