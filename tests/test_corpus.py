"""Corpus runs: bad inputs become error records, JSONL/CSV/.gz inputs, --resume, --no-text, the
statement table and the language check."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from conftest import KURSK, SAMPLES

from reader.cli import main
from reader.sources.corpus import CorpusFields, corpus_items

DROUGHT = SAMPLES / "drought-water-talks.txt"
HARBOUR = SAMPLES / "harbour-bridge-vote.txt"
FRENCH = (
    "Le ministre de l'Économie a déclaré mardi que le gouvernement ne reculerait pas sur la réforme "
    "des retraites, malgré la mobilisation des syndicats. « Nous irons jusqu'au bout », a-t-il affirmé "
    "devant les députés réunis à l'Assemblée nationale.\n"
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _records(out: str) -> list[dict]:
    return sorted((json.loads(line) for line in out.splitlines()), key=lambda record: record["index"])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The issue's corpus: an empty file, a binary file, a .jsonl.gz, a CSV and a French article,
    with one good article file first."""
    folder = tmp_path / "corpus"
    (folder / "wire").mkdir(parents=True)
    (folder / "a-kursk.txt").write_text(KURSK.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    rows = [
        {"id": "w1", "text": DROUGHT.read_text(encoding="utf-8"), "outlet": "Wire Daily",
         "date": "2024-05-01T09:30:00Z", "url": "https://example.org/w1", "title": "Drought talks"},
        {"id": "w2", "text": ""},
    ]
    with gzip.open(folder / "wire" / "d-rows.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)
    with (folder / "e-table.csv").open("w", encoding="utf-8", newline="") as handle:
        table = csv.DictWriter(handle, ["id", "text", "outlet", "date"])
        table.writeheader()
        table.writerow({"id": "h1", "text": HARBOUR.read_text(encoding="utf-8"), "outlet": "The Herald",
                        "date": "6 August 2024"})
    (folder / "f-french.txt").write_text(FRENCH, encoding="utf-8")
    return folder


def test_a_corpus_with_bad_inputs_runs_to_the_end(capsys, corpus: Path) -> None:
    code, out, err = _run(capsys, str(corpus), "--format", "jsonl", "--no-cache")
    records = _records(out)
    assert code == 3
    assert [(r["index"], Path(r["source"]).name, "error" in r, "warning" in r) for r in records] == [
        (0, "a-kursk.txt", False, False),
        (1, "b-empty.txt", True, False),
        (2, "c-scan.txt", True, False),
        (3, "e-table.csv#h1", False, False),
        (4, "f-french.txt", False, True),
        (5, "d-rows.jsonl.gz#w1", False, False),
        (6, "d-rows.jsonl.gz#w2", True, False),
    ]
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["b-empty.txt"]["error"].endswith("b-empty.txt: is empty (nothing to read)")
    assert by_name["c-scan.txt"]["error"].endswith("c-scan.txt: looks like a PNG image, not a text article")
    assert by_name["d-rows.jsonl.gz#w2"]["error"].endswith("#w2: an empty 'text' field (see --text-field)")
    french = by_name["f-french.txt"]
    assert french["language"] == "fr" and "not analysed" in french["warning"]
    wire = by_name["d-rows.jsonl.gz#w1"]
    assert (wire["title"], wire["published"], wire["language"]) == ("Drought talks", "2024-05-01", "en")
    assert wire["metadata"] == {"format": "text", "id": "w1", "url": "https://example.org/w1",
                                "outlet": "Wire Daily"}
    assert wire["text"] == DROUGHT.read_text(encoding="utf-8")
    herald = by_name["e-table.csv#h1"]
    assert (herald["metadata"]["outlet"], herald["published"]) == ("The Herald", "2024-08-06")
    assert "Yuri Ushakov" in [statement["speaker"] for statement in by_name["a-kursk.txt"]["statements"]]
    assert err.splitlines()[-1].startswith(
        "byline: 7 inputs: 3 analysed, 3 failed, 1 not analysed (language) in "
    )


def test_json_is_one_array_sorted_by_index_and_exit_0_when_all_succeed(capsys) -> None:
    code, out, err = _run(capsys, str(KURSK), str(DROUGHT), "--format", "json")
    records = json.loads(out)
    assert code == 0
    assert [(r["index"], r["source"]) for r in records] == [(0, str(KURSK)), (1, str(DROUGHT))]
    assert err.startswith("byline: 2 inputs: 2 analysed, 0 failed in ")


def test_a_jsonl_file_is_read_as_rows_never_as_prose(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(json.dumps({"body": "“We will not talk,” Yuri Ushakov said."}) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, str(corpus), "--format", "jsonl")
    assert code == 2 and out == ""
    assert err == f"byline: {corpus}:1: no 'text' field (see --text-field)\n"
    code, out, _ = _run(capsys, str(corpus), "--format", "jsonl", "--text-field", "body")
    (record,) = _records(out)
    assert code == 0 and record["source"] == f"{corpus}:1"
    assert [s["text"] for s in record["statements"]] == ["“We will not talk,”"]


def test_resume_skips_what_is_done_and_retries_errors(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DROUGHT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    output = tmp_path / "out.jsonl.gz"
    code, _, _ = _run(capsys, str(folder), "--format", "jsonl", "-o", str(output))
    assert code == 3
    (folder / "b.txt").write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c.txt").write_text(KURSK.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = _run(capsys, str(folder), "--format", "jsonl", "-o", str(output), "--resume")
    assert code == 0
    assert err.startswith("byline: 2 inputs: 2 analysed, 0 failed, 1 already done (--resume) in ")
    with gzip.open(output, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    assert [(Path(r["source"]).name, "error" in r) for r in records] == [
        ("a.txt", False), ("b.txt", True), ("b.txt", False), ("c.txt", False)
    ]


def test_resume_drops_a_line_cut_off_by_a_killed_run(capsys, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    _run(capsys, str(DROUGHT), str(HARBOUR), "--format", "jsonl", "-o", str(output))
    whole = output.read_text(encoding="utf-8").splitlines()
    done = next(line for line in whole if "drought" in line)
    output.write_text(done + "\n" + whole[-1][:50], encoding="utf-8")
    code, _, _ = _run(capsys, str(DROUGHT), str(HARBOUR), "--format", "jsonl", "-o", str(output), "--resume")
    lines = output.read_text(encoding="utf-8").splitlines()
    assert code == 0
    assert sorted(Path(json.loads(line)["source"]).name for line in lines) == [DROUGHT.name, HARBOUR.name]


def test_no_text_records_carry_offsets_only(capsys) -> None:
    code, out, _ = _run(capsys, str(KURSK), "--format", "jsonl", "--no-text")
    (record,) = _records(out)
    text = KURSK.read_text(encoding="utf-8")
    assert code == 0 and record["schema"] == "byline.analysis/2+offsets.3"
    assert '"text":' not in out  # no text, at any level
    assert len(out.encode("utf-8")) < 1.5 * len(text.encode("utf-8"))
    position, ushakov = next((i, a) for i, a in enumerate(record["actors"]) if a[0] == "Yuri Ushakov")
    # [name, kind, other_mentions, roles, ...]: his id is the slug of his name, so it is left out
    assert ushakov[:3] == ["Yuri Ushakov", "person", [[890, 892]]]  # "he"; his named mentions are entities
    assert [text[s:e] for s, e, _, actor, *_ in (row for row in record["entities"] if len(row) > 3)
            if actor == position] == ["Yuri Ushakov", "Ushakov"]
    rows = [row for row in record["statements"] if row[3] == position]  # his statements, by actor position
    start, end, kind, actor, mention_start, mention_end, cue_start, cue_end = rows[1][:8]
    parts = rows[1][11]
    assert (kind, actor, text[mention_start:mention_end], text[cue_start:cue_end]) == (
        "direct", position, "Ushakov", "stated"
    )
    assert text[slice(*parts[0])] == (
        "At this stage, we will not talk. Entering into a negotiation process now would be completely "
        "inappropriate"
    )
    start, end, kind = rows[0][:3]  # reported, its one part the whole span: parts left out
    assert len(rows[0]) <= 11
    assert text[start:end] == "the current situation is not conducive to diplomatic talks"


def test_statement_table_as_csv(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = _run(capsys, str(KURSK), str(empty), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 3
    assert err.splitlines()[0] == f"byline: {empty}: is empty (nothing to read)"
    assert list(rows[0]) == ["index", "article_id", "source", "outlet", "date", "title", "url", "speaker",
                             "role", "actor_kind", "kind", "frame", "cue", "cue_lemma", "stance", "text",
                             "start", "end", "confidence", "how", "in_quote_start", "in_quote_end"]
    row = next(r for r in rows if r["cue"] == "stated")
    text = KURSK.read_text(encoding="utf-8")
    assert (row["speaker"], row["kind"], row["actor_kind"]) == ("Yuri Ushakov", "direct", "person")
    assert text[int(row["start"]):int(row["end"])] == row["text"]
    assert row["article_id"] == row["source"] == str(KURSK)


def test_statement_table_as_parquet(capsys, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "statements.parquet"
    code, _, _ = _run(capsys, str(KURSK), str(DROUGHT), "--format", "parquet", "-o", str(target))
    _, out, _ = _run(capsys, str(KURSK), str(DROUGHT), "--format", "csv")
    table = pq.read_table(target).to_pylist()
    assert code == 0
    assert sorted((r["index"], r["start"], r["speaker"] or "") for r in table) == sorted(
        (int(r["index"]), int(r["start"]), r["speaker"]) for r in csv.DictReader(io.StringIO(out))
    )


def test_any_language_analyses_the_french_article_with_the_model(capsys, tmp_path: Path) -> None:
    article = tmp_path / "fr.txt"
    article.write_text(FRENCH, encoding="utf-8")
    code, out, _ = _run(capsys, str(article), "--format", "jsonl", "--any-language")
    (record,) = _records(out)
    assert code == 0 and "warning" not in record and record["language"] is None


def test_corpus_fields_and_dates(tmp_path: Path) -> None:
    table = tmp_path / "t.tsv.gz"
    with gzip.open(table, "wt", encoding="utf-8") as handle:
        handle.write("key\tbody\tpaper\twhen\tsection\n")
        handle.write("k1\tHello there.\tThe Times\tAugust 2024\tSport\n")
        handle.write("k2\tAgain.\tThe Times\t2024-08-07\tNews\n")
    fields = CorpusFields(text="body", id="key", outlet="paper", date="when", extra=("section",))
    first, second = corpus_items([str(table)], fields)
    assert first.source == f"{table}#k1" and first.article is not None
    assert first.article.published is None  # a month names no day: kept as it was
    assert first.article.metadata == {"format": "text", "id": "k1", "outlet": "The Times",
                                      "section": "Sport", "date": "August 2024"}
    assert second.article is not None and second.article.published == "2024-08-07"


def test_globs_and_folders_are_walked_recursively(tmp_path: Path) -> None:
    for name in ("a/one.txt", "a/b/two.md", "a/b/three.csv.gz", "a/.hidden/four.txt", "a/page_files/x.html",
                 "a/notes.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    names = [Path(item.source).name for item in corpus_items([str(tmp_path / "a")])]
    assert names == ["three.csv.gz", "two.md", "one.txt"]
    pattern = str(tmp_path / "a" / "**" / "*.md")
    assert [Path(item.source).name for item in corpus_items([pattern])] == ["two.md"]


def test_a_csv_without_the_text_column_is_one_error_record(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,body\n1,Hello\n", encoding="utf-8")
    (item,) = corpus_items([str(table)])
    assert item.error == f"{table}: no 'text' column (has id, body; see --text-field)"


def test_the_batch_api_yields_every_article_with_its_index() -> None:
    from reader.analysis.batch import analyse_articles
    from reader.sources import Article

    articles = [Article(text="“We will not talk,” Yuri Ushakov said.", source="one"), str(DROUGHT),
                "/no/such/file.txt"]
    results = sorted(analyse_articles(articles, use_cache=False), key=lambda result: result.index)
    assert [(r.index, r.source, r.analysis is not None) for r in results] == [
        (0, "one", True), (1, str(DROUGHT), True), (2, "/no/such/file.txt", False)
    ]
    assert results[2].error == "/no/such/file.txt: no such file"


def test_a_french_article_gets_the_french_model_when_one_is_installed(monkeypatch) -> None:
    import reader.analysis.language as language
    from reader.analysis.batch import BatchSettings, analyse_item
    from reader.analysis.nlp import resolve_model_name
    from reader.sources import Article
    from reader.sources.corpus import CorpusItem

    installed = resolve_model_name()  # stands in for a French pipeline: only its name matters here
    asked: list[str] = []
    monkeypatch.setattr(language, "installed_model_for", lambda lang: asked.append(lang) or installed)
    item = CorpusItem(4, "fr.txt", article=Article(text=FRENCH, source="fr.txt"))
    result = analyse_item(item, BatchSettings(model="en_core_web_sm", use_cache=False))
    assert asked == ["fr"]
    assert (result.index, result.language, result.warning, result.error) == (4, "fr", None, None)
    assert result.analysis is not None and result.analysis.source == "fr.txt"


def test_bylines_own_notes_exports_are_never_articles(tmp_path, capsys) -> None:
    # ctrl+e writes story.notes.md beside the article: the folder still holds one article.
    from reader.sources.discover import discover

    (tmp_path / "story.txt").write_text(KURSK.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("story.notes.md", "story.notes.json", "story.notes.yaml"):
        (tmp_path / name).write_text("# Notes\n\n> “At this stage, we will not talk.”\n", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["story.txt"]
    code, out, _ = _run(capsys, str(tmp_path), "--format", "jsonl", "--no-cache")
    assert code == 0
    assert [Path(json.loads(line)["source"]).name for line in out.splitlines()] == ["story.txt"]
