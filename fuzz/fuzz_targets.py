"""atheris fuzz targets for `convert` and for the batch JSON Lines reader.

Run (from the project root, after `pip install -e '.[fuzz]'`):

    python fuzz/fuzz_targets.py convert -max_total_time=600 fuzz/corpus/convert
    python fuzz/fuzz_targets.py jsonl   -max_total_time=600 fuzz/corpus/jsonl

The corpus directories are seeded from fixtures/ by `python fuzz/seed.py`. Any finding is a
crash file (crash-*) in the working directory: add it as a case to tests/test_fuzz_regressions.py.
"""

import sys

import atheris

with atheris.instrument_imports():
    from visitparse import InputError, Report, convert
    from visitparse.batch import convert_record, read_jsonl
    from visitparse.formats import dumps_line


def fuzz_convert(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    try:
        report = convert(text)
    except InputError:
        return
    json_text = report.to_json()
    assert Report.model_validate_json(json_text).to_json() == json_text
    for p in report.people:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text


def fuzz_jsonl(data: bytes) -> None:
    """Any bytes: one line per record, report or error, and every line writable as UTF-8 JSON
    (no lone surrogate, no nesting that overflows the encoder), in both encoding modes."""
    errors = "replace" if data[:1] in (b"r", b"R") else "strict"
    for record in read_jsonl(data.splitlines(keepends=True), "<fuzz>", errors):
        line = convert_record(record.task(None, 100_000))
        assert ("report" in line) != ("error" in line)
        dumps_line(line).encode("utf-8")


TARGETS = {"convert": fuzz_convert, "jsonl": fuzz_jsonl}

if __name__ == "__main__":
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
