"""Scale out on Dask (optional extra `[dask]`): a bag of texts or records in, a bag of output
lines out.

    import dask.bag as db
    from visitparse.dask import convert_bag

    lines = db.read_text("archive/*.jsonl").map(json.loads)        # {"id", "text", ...} records
    convert_bag(lines, publication_date=None).map(json.dumps).to_textfiles("out/*.jsonl")

Each element becomes the same line `visitparse batch` writes: {"id", "report"} or {"id", "error"}.
The work is done by `visitparse.batch.convert_record`, a plain picklable function, so PySpark
users call it the same way:

    rdd.mapPartitions(lambda records: map(convert_record, records))
"""

from __future__ import annotations

import datetime as dt

from .batch import convert_record, iso_date
from .converter.limits import MAX_CHARS
from .records import Record, clean_json_value, error_info


def to_task(
    item, publication_date: str | dt.date | None = None, max_chars: int = MAX_CHARS
) -> dict:
    """A bag element (a text, or a {"id", "text", "publication_date", ...} record) as a task."""
    date = iso_date(publication_date)
    if isinstance(item, str):
        return Record(None, item).task(date, max_chars)
    item = dict(item)
    record = Record(
        item.pop("id", None), item.pop("text", None), item.pop("publication_date", None), item
    )
    if not isinstance(record.text, str):
        record.error = error_info("InputError", 'a record needs a "text" string')
    else:
        # as `visitparse batch` reads JSON Lines: lone surrogates and deep nesting are error records
        try:
            clean_json_value(
                [record.id, record.text, record.publication_date, record.meta], "the record", False
            )
        except ValueError as e:
            record.error = error_info("InputError", str(e))
    return record.task(date, max_chars)


def convert_bag(bag, *, publication_date: str | dt.date | None = None, max_chars: int = MAX_CHARS):
    """A Dask bag of output lines, one per element of `bag`, in the same partitions and order."""
    return bag.map(to_task, publication_date=publication_date, max_chars=max_chars).map(
        convert_record
    )
