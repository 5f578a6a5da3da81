"""Records stage: event candidates become output records in the contract.

`builder` runs the record rules in order and fills the fields; `fallbacks` holds the rules that
settle the type and fill in unnamed participants, `pairs` how participants pair into records,
`incidents` the accident and disaster records, `merge` the ids and the merging of restatements,
and `codes` the CAMEO and PLOVER groupings the rules rely on.
"""

from gestae.engine.records.builder import RecordBuilder, load_refusals
from gestae.engine.records.merge import merge_restatements, record_id

__all__ = ["RecordBuilder", "load_refusals", "merge_restatements", "record_id"]
