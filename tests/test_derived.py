"""The derived-forms store gives back exactly what deriving gives, across processes, and survives damage."""

import re

from timeline import prefilter
from timeline.derived import DerivedStore
from timeline.triggers import vocabulary


def _fresh(folder):
    return DerivedStore(folder, "test")


def test_a_value_is_derived_once_then_read_back_from_disk(tmp_path):
    calls = []

    def derive(pattern, flags):
        calls.append(pattern)
        return [pattern.upper(), flags, [["a", "b"]]]

    assert _fresh(tmp_path).get("kind", "met", 2, derive) == ("MET", 2, (("a", "b"),))
    again = _fresh(tmp_path)  # a new process: the value comes from the file
    assert again.get("kind", "met", 2, derive) == ("MET", 2, (("a", "b"),))
    assert calls == ["met"]
    assert again.get("other", "met", 2, derive) == ("MET", 2, (("a", "b"),)) and calls == ["met", "met"]


def test_a_damaged_line_is_derived_again(tmp_path):
    _fresh(tmp_path).get("kind", "met", 0, lambda p, f: p)
    path = next(tmp_path.glob("derived-*.jsonl"))
    path.write_text(path.read_text().replace("met", "mat") + '12345678 ["kind", "x"\n')
    assert _fresh(tmp_path).get("kind", "met", 0, lambda p, f: "derived again") == "derived again"


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = DerivedStore(blocker / "sub", "test")  # its folder cannot be made
    assert store.get("kind", "met", 0, lambda p, f: 7) == 7 and store.path is None


def test_fast_forms_and_key_groups_read_back_are_those_derived(tmp_path, monkeypatch):
    rules = vocabulary().rules
    patterns = [rule.regex for rule in rules] + [re.compile(r"(?<![\w-])\x41bc", re.I), re.compile("x?")]
    derived = {}
    for store in (_fresh(tmp_path), _fresh(tmp_path), DerivedStore(None)):  # writes, reads, memory only
        monkeypatch.setattr(prefilter, "DERIVED", store)
        prefilter._required_groups.cache_clear()
        found = [(prefilter.fast_pattern(regex), prefilter.required_groups(regex)) for regex in patterns]
        derived.setdefault("first", found)
        assert [(fast and fast.pattern, fast and fast.flags, folded, groups)
                for (fast, folded), groups in found] == \
            [(fast and fast.pattern, fast and fast.flags, folded, groups)
             for (fast, folded), groups in derived["first"]]
    prefilter._required_groups.cache_clear()


def test_a_new_version_replaces_the_stores_of_older_code(tmp_path):
    DerivedStore(tmp_path, "old").get("kind", "met", 0, lambda p, f: 1)
    DerivedStore(tmp_path, "new").get("kind", "met", 0, lambda p, f: 2)
    assert [path.name for path in tmp_path.iterdir()] == ["derived-new.jsonl"]
