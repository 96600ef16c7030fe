"""Context robustness: every made-up lead of tests/fixtures/contexts.yaml in every page or sentence context.

    .venv/bin/python scripts/contexts.py            # the table: per transform, bases that keep type, day, actors
    .venv/bin/python scripts/contexts.py -v         # and each failing case, with what was found
    .venv/bin/python scripts/contexts.py -t passive # one transform (or several: -t a -t b)
    .venv/bin/python scripts/contexts.py --show meet-verb dateline-glued   # the page of one case and its events
    .venv/bin/python scripts/contexts.py --update-expected   # rewrite the fixture's expected failures as today

Each case is a page: the fixture's date line, then the transform's body around the base sentence. It is read
as a .txt file (so datelines, captions and stamps go through the reading stage) and parsed. A case keeps its
event when an event of the base's type (or an accepted one) is found, its day when that event is on the
expected day, its actors when that event names every expected actor, its evidence when that event's evidence
holds the base's words (verb and object: the lead sentence is what the user is shown, not a headline or a
standfirst that tells the same news). tests/test_contexts.py asserts the outcome against the fixture's expected
failures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from timeline.actors import load_gazetteer  # noqa: E402
from timeline.articles import read_bytes  # noqa: E402
from timeline.pipeline import parse_article  # noqa: E402

FIXTURE = PROJECT / "tests" / "fixtures" / "contexts.yaml"
CHECKS = ("event", "day", "actors", "evidence")
DEFAULT_SENTENCE = "{subj} {verb} {rest} {when}{tail}."


@dataclass(frozen=True)
class Case:
    base: dict
    transform: dict
    page: str
    day: date

    @property
    def key(self) -> tuple[str, str]:
        return self.transform["name"], self.base["id"]


def load(path: Path = FIXTURE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _applies(base: dict, transform: dict) -> bool:
    if transform.get("by_type") and base["type"] not in transform["by_type"]:
        return False
    if transform.get("types") and base["type"] not in transform["types"]:
        return False
    return not transform.get("needs") or bool(base.get(transform["needs"]))


def build(base: dict, transform: dict, suite: dict) -> Case:
    """The page of one base in one transform, and the day its event should take."""
    published = _as_date(suite["published"])
    when, day = base["when"], _as_date(base["day"])
    if "when" in transform:
        when, day = transform["when"], published - timedelta(days=transform["shift"])
    subj_lc = _lower_first(base["subj"]) if base.get("lower") else base["subj"]
    parts = dict(subj=base["subj"], subj_lc=subj_lc, verb=base["verb"], rest=base["rest"], when=when,
                 When=when[:1].upper() + when[1:], tail=base.get("tail", ""), passive=base.get("passive", ""))
    lead = transform.get("sentence", DEFAULT_SENTENCE).format(**parts)
    lead_lc = _lower_first(lead) if base.get("lower") and lead.startswith(base["subj"]) else lead
    opener = (transform.get("by_type") or {}).get(base["type"], "")
    body = transform["page"].format(lead=lead, lead_lc=lead_lc, opener=opener)
    return Case(base, transform, f"{suite['date_line']}\n\n{body}\n", day)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def cases(suite: dict, names: list[str] | None = None) -> list[Case]:
    return [build(b, t, suite) for t in suite["transforms"] if not names or t["name"] in names
            for b in suite["bases"] if _applies(b, t)]


def events_of(case: Case, gazetteer=None):
    article = read_bytes(f"{case.base['id']}.txt", case.page.encode("utf-8"))[0]
    return parse_article(article, gazetteer or load_gazetteer()).events


def judge(case: Case, events) -> dict[str, bool]:
    """Which checks the case passes: the best event of the base's type decides day and actors."""
    types = {case.base["type"], *case.base.get("also", ())}
    wanted = {a.casefold() for a in case.base.get("actors", ())}
    candidates = [e for e in events if e.event_type in types]

    core = _words(case.base["passive"] if case.transform.get("needs") == "passive" else f"{case.base['verb']} {case.base['rest']}")

    def scores(e):
        return e.date == case.day, wanted <= {a.casefold() for a in e.actors}, core in _words(e.evidence)

    best = max(candidates, key=scores, default=None)
    if best is None:
        return dict.fromkeys(CHECKS, False)
    on_day, with_actors, quoted = scores(best)
    return {"event": True, "day": on_day, "actors": with_actors, "evidence": quoted}


def _words(text: str) -> str:
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').split()).casefold().rstrip(".")


def run(suite: dict, names: list[str] | None = None) -> dict[tuple[str, str], tuple[dict[str, bool], Case, tuple]]:
    gazetteer = load_gazetteer()
    results = {}
    for case in cases(suite, names):
        events = events_of(case, gazetteer)
        results[case.key] = (judge(case, events), case, events)
    return results


def failures(results) -> dict[tuple[str, str], set[str]]:
    return {key: {c for c in CHECKS if not outcome[c]} for key, (outcome, _, _) in results.items()
            if not all(outcome.values())}


def expected(suite: dict) -> dict[tuple[str, str], set[str]]:
    """The fixture's expected failures: (transform, base id) -> the checks that fail."""
    return {(name, base): set(checks) for name, bases in (suite.get("expected_failures") or {}).items()
            for base, checks in bases.items()}


def write_expected(found: dict[tuple[str, str], set[str]], path: Path = FIXTURE) -> None:
    """Rewrite the fixture's last block, ``expected_failures:``, with ``found``."""
    text = path.read_text(encoding="utf-8")
    head = text[:text.index("\nexpected_failures:")]
    lines = ["", "expected_failures:"]
    for name in sorted({n for n, _ in found}):
        lines.append(f"  {name}:")
        lines += [f"    {base}: [{', '.join(c for c in CHECKS if c in checks)}]"
                  for (n, base), checks in sorted(found.items()) if n == name]
    if not found:
        lines[-1] += " {}"
    path.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")


def table(suite: dict, results) -> str:
    rows = [f"{'transform':22} {'cases':>5} " + " ".join(f"{c:>8}" for c in CHECKS)]
    totals = dict.fromkeys(("cases", *CHECKS), 0)
    for transform in suite["transforms"]:
        outcomes = [o for (name, _), (o, _, _) in results.items() if name == transform["name"]]
        if not outcomes:
            continue
        counts = {c: sum(o[c] for o in outcomes) for c in CHECKS}
        rows.append(f"{transform['name']:22} {len(outcomes):5d} " + " ".join(f"{counts[c]:8d}" for c in CHECKS))
        totals["cases"] += len(outcomes)
        for c in CHECKS:
            totals[c] += counts[c]
    rows.append(f"{'total':22} {totals['cases']:5d} " + " ".join(f"{totals[c]:8d}" for c in CHECKS))
    return "\n".join(rows)


def _describe(case: Case, events) -> str:
    found = "; ".join(f"{e.event_type} {e.date} {list(e.actors)}" for e in events) or "no event"
    return f"  {case.key[0]} / {case.key[1]}: want {case.base['type']} {case.day} {case.base.get('actors', [])}; found {found}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-t", "--transform", action="append", help="only this transform (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each failing case")
    parser.add_argument("--update-expected", action="store_true", help="write today's failures into the fixture")
    parser.add_argument("--show", nargs=2, metavar=("BASE", "TRANSFORM"), help="print one case's page and events")
    args = parser.parse_args(argv)
    suite = load()
    if args.show:
        base_id, name = args.show
        base = next(b for b in suite["bases"] if b["id"] == base_id)
        case = build(base, next(t for t in suite["transforms"] if t["name"] == name), suite)
        print(case.page)
        for e in events_of(case):
            print(e.event_type, e.date, list(e.actors), "|", e.date_basis[:120], "|", e.evidence[:120])
        return 0
    results = run(suite, args.transform)
    print(table(suite, results))
    if args.update_expected and not args.transform:
        write_expected(failures(results))
    if args.verbose:
        for key, missing in sorted(failures(results).items()):
            _, case, events = results[key]
            print(_describe(case, events), "-- lost:", ",".join(sorted(missing)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
