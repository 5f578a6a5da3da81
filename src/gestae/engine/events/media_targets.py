"""A news outlet named by the frame's own word is the body the act is aimed at.

"sharing intelligence with Ukraine": a frame word that happens to name a sector is what the
act handles, not a party, so target.object looks past it. A frame word that names a news
outlet ("closed the weekly newspaper", "shut down the radio station", "suspended the
broadcaster") is different: the outlet is the body the censor closes, fines or bans, and it
stays the target (rule target.censored-medium).
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule

MEDIA_SECTOR = "JRN"


def frame_thing(q: Search, obj: Token, mention: Mention | None) -> bool:
    """An object the frame lists that names a sector with no country: a thing the act
    handles ("sharing intelligence"), unless it is a news outlet the act is aimed at."""
    if mention is None or obj.lemma_.lower() not in q.frame_words:
        return False
    if any(a.country for a in mention.actors):
        return False
    return not censored_medium(q, mention)


@rule("target.censored-medium")
def censored_medium(q: Search, mention: Mention) -> bool:
    """'closed the weekly newspaper', 'shut down the radio station': a news outlet the frame
    names is the body acted on, not a thing handled, even with no country of its own.

    Example: Police closed the weekly newspaper in Harare.
    """
    if not mention.actors or any(a.sector != MEDIA_SECTOR for a in mention.actors):
        return False
    q.ev.trace.add("target.censored-medium", f"'{mention.actors[0].text}' is the outlet acted on")
    return True
