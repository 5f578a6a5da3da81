"""An agentless arrest told by the force that makes arrests takes that force as its source
(record.teller-agent); a teller who only reports, or a force of another state, does not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events


@pytest.mark.parametrize(
    "text",
    [
        "Rights activists said 20 students were detained in Harare.",
        "Kenyan police said two Ugandan traders were arrested in Kampala.",
        "The police spokesman said the men were arrested in Mwanza.",
    ],
)
def test_reporting_teller_is_not_the_agent(coder: Any, text: str) -> None:
    found = [r for r in events(coder, text) if r.event_type == "COERCE"]
    assert found, text
    assert all("record.teller-agent" not in r.rules for r in found), [r.source for r in found]
