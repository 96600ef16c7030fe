"""A cue that sums up a period ("since 6am", data/events.yaml ``cumulative_after``) inside a relative clause that
follows the trigger and is still open at the cue belongs to that clause, not to the happening (made-up texts)."""

from timeline.triggers import find_triggers, unreal_cue, vocabulary

VOCAB = vocabulary()


def test_a_cue_in_an_open_relative_clause_leaves_the_happening_reported():
    text = "Engineers had restored power to the clinic, which had been running on generators since 6am."
    assert any(t.event_type == "other" and "restored power" in t.text for t in find_triggers(text, VOCAB))


def test_a_cue_after_a_closed_relative_clause_still_sums_up_a_period():
    text = "Police have arrested 40 people, who were held at the port, since the riots."
    start = text.index("arrested")
    assert unreal_cue(text, start, start + len("arrested 40 people"), VOCAB) == "cumulative_after"


def test_a_cue_right_after_the_trigger_still_sums_up_a_period():
    text = "The fighting has killed 600 people since March."
    start = text.index("killed")
    assert unreal_cue(text, start, start + len("killed"), VOCAB) == "cumulative_after"
