"""Offsets-only records (``--no-text``, schema ``byline.analysis/2+offsets.3``): small, plain rows, and
every fact kept: the full record is rebuilt from one and the article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from tui_sample import sample_analysis

from reader.analysis.collection import Collection
from reader.analysis.model import Analysis, DateMention, Span
from reader.analysis.offsets_records import (
    OFFSETS_COLUMNS,
    OFFSETS_SCHEMA,
    actor_statement_counts,
    full_record,
    offsets_rows,
)
from reader.analysis.pipeline import analyze
from reader.analysis.records import analysis_record
from reader.cli import main
from reader.sources.loader import load_article

ARTICLES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def analyses(nlp) -> list[Analysis]:
    return [analyze(load_article(str(path)), nlp=nlp, use_cache=False) for path in ARTICLES]


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _round_trip(analysis: Analysis, index: int = 0) -> tuple[dict, dict, dict]:
    full = analysis_record(analysis, index, language="en")
    packed = json.loads(_line(analysis_record(analysis, index, text=False, language="en")))
    return full, packed, full_record(packed, analysis.text)


@pytest.mark.parametrize("number", range(len(ARTICLES)), ids=[p.stem for p in ARTICLES])
def test_the_full_record_is_rebuilt_from_the_offsets_and_the_text(analyses, number: int) -> None:
    analysis = analyses[number]
    full, packed, rebuilt = _round_trip(analysis, number)
    text = analysis.text
    assert packed["schema"] == OFFSETS_SCHEMA and '"text":' not in _line(packed)
    # Every span's text, rebuilt from its offsets into the article text, is the full record's.
    assert [e["text"] for e in rebuilt["entities"]] == [e["text"] for e in full["entities"]]
    assert [(s["text"], [p["text"] for p in s["parts"]], (s["cue"] or {}).get("text"),
             (s["speaker_mention"] or {}).get("text")) for s in rebuilt["statements"]] == [
        (s["text"], [p["text"] for p in s["parts"]], (s["cue"] or {}).get("text"),
         (s["speaker_mention"] or {}).get("text")) for s in full["statements"]]
    assert [[m["text"] for m in a["mention_spans"]] for a in rebuilt["actors"]] == [
        [m["text"] for m in a["mention_spans"]] for a in full["actors"]]
    assert rebuilt == full  # and every other fact
    assert Analysis.from_dict({k: v for k, v in rebuilt.items() if k not in ("index", "language")}).text == (
        text)


def test_offsets_records_stay_under_one_and_a_half_times_the_articles(analyses) -> None:
    sizes = [(len((_line(analysis_record(a, 0, text=False, language="en")) + "\n").encode("utf-8")),
              len(a.text.encode("utf-8"))) for a in analyses]
    assert sum(packed for packed, _ in sizes) < 1.5 * sum(article for _, article in sizes)
    # A short article pays the record's fixed part (source, title, model, schema) on few bytes of text:
    # the drought and harbour samples (1,185 and 1,725 bytes) are about 1.5x, the Kursk one 0.92x.
    assert max(packed / article for packed, article in sizes) < 1.6


def test_rows_carry_no_keys_and_cut_their_trailing_defaults(analyses) -> None:
    packed = analysis_record(analyses[0], 0, text=False, language="en")
    for table in ("entities", "dates", "statements", "actors"):
        for row in packed[table]:
            assert isinstance(row, list) and len(row) <= len(OFFSETS_COLUMNS[table])
            assert row[-1] is not None and row[-1] != []
    assert all(len(row) < 5 for row in packed["dates"])  # label DATE is the default
    assert not any(row[12:13] == ["speech"] for row in packed["statements"])  # the default frame


def _fallbacks_analysis() -> Analysis:
    """The sample analysis changed so that every default fails: each fact must then be written out."""
    analysis = sample_analysis()
    text = analysis.text
    first, second = analysis.actors[0], analysis.actors[1]
    first.id = "someone-else"  # not the slug of the name
    first.statements = first.statements[:1]  # not every statement whose speaker they are
    first.corrected = "renamed from Ushakov"
    first.mention_spans = list(reversed(first.mention_spans))  # not in text order
    second.aliases = ["Zelenskyy"]  # not one of its entities
    statement = analysis.statements[0]
    statement.frame = None
    statement.speaker = "Somebody"  # not the actor's name
    statement.corrected = "speaker"
    statement.target = Span(0, 7, text[0:7])
    statement.parts = []
    analysis.statements[1].frame = "belief"
    analysis.statements[2].speaker = None  # an actor, but no speaker's name
    analysis.entities[0].corrected = "label"
    analysis.entities[1].actor = "nobody"  # an id that names no actor of the record
    analysis.dates = [DateMention(0, 4, text[0:4], None, "relative", "TIME")]
    return analysis


def test_facts_that_do_not_follow_from_the_rest_are_written_out() -> None:
    analysis = _fallbacks_analysis()
    full, packed, rebuilt = _round_trip(analysis)
    actor = offsets_rows(packed, "actors")[0]
    assert actor["id"] == "someone-else" and actor["statements"] == [0]
    assert actor["mentions"] is not None and actor["other_mentions"] == []
    assert offsets_rows(packed, "statements")[0]["frame"] == ""
    assert offsets_rows(packed, "entities")[1]["actor"] == "nobody"
    assert offsets_rows(packed, "statements")[2]["speaker"] == ""
    assert offsets_rows(packed, "dates") == [
        {"start": 0, "end": 4, "grain": "relative", "value": None, "label": "TIME"}
    ]
    assert rebuilt == full


def test_rows_as_dicts_make_a_table(analyses) -> None:
    pa = pytest.importorskip("pyarrow")
    packed = json.loads(_line(analysis_record(analyses[0], 0, text=False)))
    table = pa.Table.from_pylist(offsets_rows(packed, "statements"))
    assert table.column_names == list(OFFSETS_COLUMNS["statements"])
    assert table.num_rows == len(analyses[0].statements)
    assert table.column("start").to_pylist() == [s.start for s in analyses[0].statements]
    assert table.column("speaker_mention_start").to_pylist() == [
        s.speaker_mention.start if s.speaker_mention else None for s in analyses[0].statements]


def test_statement_counts_follow_the_statements(analyses) -> None:
    for analysis in analyses:
        packed = json.loads(_line(analysis_record(analysis, 0, text=False)))
        assert actor_statement_counts(packed) == [len(a.statements) for a in analysis.actors]


# An offsets-only record of the previous form (schema offsets.2, written before offsets.3): actors
# were objects, statements rows of another column order.
OFFSETS_2 = {
    "index": 0, "language": "en", "source": "old.txt", "published": "2024-08-19",
    "metadata": {"outlet": "Herald"}, "schema": "byline.analysis/2+offsets.2",
    "entities": [[0, 12, "PERSON", 0], [40, 47, "PERSON", 0]],
    "dates": [],
    "statements": [[60, 90, "direct", 0, [40, 47], [48, 52], [[61, 89]], None, "say", "tag", 0.95, "speech"]],
    "actors": [{"id": "yuri-ushakov", "name": "Yuri Ushakov", "kind": "person", "roles": ["adviser"],
                "statements": [0], "other_mentions": [[100, 102]]}],
}


def test_the_collection_reads_full_old_and_new_offsets_records_alike(analyses) -> None:
    by_full, by_offsets = Collection(), Collection()
    for index, analysis in enumerate(analyses):
        by_full.add_record(json.loads(_line(analysis_record(analysis, index))))
        by_offsets.add_record(json.loads(_line(analysis_record(analysis, index, text=False))))
    assert [a.to_dict() for a in by_offsets.ranked(quoted_only=False)] == [
        a.to_dict() for a in by_full.ranked(quoted_only=False)]
    assert by_full.ranked()[0].statements > 0
    old = Collection()
    old.add_record(OFFSETS_2)
    (ushakov,) = old.ranked()
    assert (ushakov.name, ushakov.statements, ushakov.roles, dict(ushakov.by_outlet)) == (
        "Yuri Ushakov", 1, {"adviser"}, {"Herald": 1})


def test_byline_actors_reads_no_text_records(capsys, tmp_path: Path) -> None:
    full, packed = tmp_path / "full.jsonl", tmp_path / "packed.jsonl"
    assert main(["analyze", *map(str, ARTICLES), "--format", "jsonl", "-o", str(full)]) == 0
    assert main(["analyze", *map(str, ARTICLES), "--format", "jsonl", "--no-text", "-o", str(packed)]) == 0
    capsys.readouterr()
    main(["actors", "--records", str(full), "--all", "--format", "json"])
    from_full = capsys.readouterr().out
    main(["actors", "--records", str(packed), "--all", "--format", "json"])
    assert capsys.readouterr().out == from_full
    assert json.loads(from_full)


TOO_LONG = ["A", "person", [], [], None, [], [], None, None, None, "one value too many"]


@pytest.mark.parametrize("actors", [[5], [["Yuri Ushakov"]], [TOO_LONG]])
def test_an_offsets_record_of_the_wrong_shape_is_a_one_line_error(capsys, tmp_path: Path, actors) -> None:
    records = tmp_path / "bad.jsonl"
    records.write_text(json.dumps({"schema": OFFSETS_SCHEMA, "source": "x", "actors": actors}) + "\n",
                       encoding="utf-8")
    assert main(["actors", "--records", str(records)]) != 0
    assert capsys.readouterr().err == f"byline: {records}:1: a record of the wrong shape\n"
