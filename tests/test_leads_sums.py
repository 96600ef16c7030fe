"""A page's lead that sums up a period reports no happening, as any other sentence (triggers.sums_up)."""

import pytest

from timeline.leads import classify


@pytest.mark.parametrize("lead", [
    "Estaria and Norlund have signed more than 40 agreements since 1991.",
    "Ana Moro has visited Velm several times since taking office.",
])
def test_a_lead_that_sums_up_a_period_gives_no_guess(lead):
    assert classify(lead) is None


def test_a_lead_that_reports_one_happening_keeps_its_guess():
    guess = classify("Estaria and Norlund signed a trade agreement in Velm on Tuesday.")
    assert guess is not None and guess.event_type == "agreement"
