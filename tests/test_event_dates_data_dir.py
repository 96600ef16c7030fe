"""The event-date helpers read their rules from the data folder they are given (the settings' ``data_dir``), not
always from the package's own: a copy of data/ with one list changed changes what they decide."""

from __future__ import annotations

import shutil
from datetime import date

import yaml

from timeline.event_dates import own_timex
from timeline.settings import DATA_DIR, DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 5, 7)  # a Tuesday
TEXT = "The evacuation of the valley villages came after heavy rain on Friday."


def test_own_timex_follows_the_data_folder_it_is_given(tmp_path):
    custom = tmp_path / "data"
    shutil.copytree(DATA_DIR, custom)
    table = yaml.safe_load((custom / "sentences.yaml").read_text(encoding="utf-8"))
    table["sequel_words"]["words"] = []  # "came after" no longer puts the Friday on an earlier happening
    (custom / "sentences.yaml").write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = find_triggers(TEXT, vocab)[0]
    timexes = tag(TEXT, PUBLISHED, DEFAULT_SETTINGS)
    assert own_timex(TEXT, 0, trigger, timexes, PUBLISHED, vocab) is None
    found = own_timex(TEXT, 0, trigger, timexes, PUBLISHED, vocab, data_dir=custom)
    assert found is not None and found.first_day == date(2024, 5, 3)
