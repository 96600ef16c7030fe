"""The derived-forms store gives back exactly what deriving gives, across processes, and survives damage."""

import re

import pytest

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


def _same_pattern(built: re.Pattern, expected: re.Pattern) -> bool:
    """Equal patterns hold the same compiled code (CPython compares it); the group tables are compared besides."""
    return (built == expected and built.flags == expected.flags and built.groups == expected.groups
            and dict(built.groupindex) == dict(expected.groupindex))


def test_a_pattern_built_from_its_kept_code_is_the_one_re_compile_gives(tmp_path):
    from timeline.derived import compiled

    made_up = [(r"(?P<day>\d{1,2})\s+(?P<month>(?i:jan|feb)\b\.?)", 0), (r"(?<![\w-])(?:met\s+with|talks)(?![\w])", re.I),
               (r"(?x) (?P<a> é+ ) \s* (?P=a)", 0), (r"(?s)^.*?(?=\bend\b)", re.M), (r"[^\W\d_]+(?:-[^\W\d_]+)*", 0)]
    for pattern, flags in made_up:
        first = compiled(pattern, flags, _fresh(tmp_path))  # compiled, its code kept
        again = compiled(pattern, flags, _fresh(tmp_path))  # a new process: built from the kept code
        assert _same_pattern(first, re.compile(pattern, flags)) and _same_pattern(again, re.compile(pattern, flags))
    assert compiled(r"\d+", 0, _fresh(tmp_path)).findall("on 3 and 14 May") == ["3", "14"]


def test_the_rules_patterns_read_back_from_the_store_are_those_re_compile_gives(tmp_path, monkeypatch):
    from timeline import derived
    from timeline.derived import compiled
    from timeline.reading.rules import date_rules
    from timeline.settings import DATA_DIR

    rules = date_rules(DATA_DIR)
    patterns = [(rule.regex.pattern, rule.regex.flags & ~re.UNICODE) for rule in rules.date_lines + rules.datelines]
    for pattern, flags in patterns:
        compiled(pattern, flags, _fresh(tmp_path))
    monkeypatch.setattr(derived, "_code", lambda pattern, flags: pytest.fail("compiled again"))
    store = _fresh(tmp_path)  # a new process: every pattern built from its kept code
    assert all(_same_pattern(compiled(p, f, store), re.compile(p, f)) for p, f in patterns)


def test_a_pattern_whose_code_cannot_be_kept_is_compiled_as_usual(tmp_path, monkeypatch):
    from timeline import derived
    from timeline.derived import compiled

    assert compiled(rb"\d+", 0, _fresh(tmp_path)).findall(b"a 12 b") == [b"12"]  # bytes: re.compile's own
    monkeypatch.setattr(derived, "_sre", None)  # a Python without the engine's constructor: nothing kept
    assert _same_pattern(compiled(r"(?P<n>\d{2})", 0, _fresh(tmp_path)), re.compile(r"(?P<n>\d{2})"))
