"""``byline actors``: actors aggregated across articles by canonical name."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import SAMPLES

from reader.cli import main


def _record(source: str, outlet: str | None, published: str | None, actors: list[dict]) -> dict:
    return {"index": 0, "schema": "byline.analysis/2", "source": source, "published": published,
            "metadata": {"outlet": outlet} if outlet else {}, "actors": actors}


def _actor(name: str, statements: int, roles: list[str] | None = None, kind: str = "person") -> dict:
    return {"id": name.lower(), "name": name, "kind": kind, "roles": roles or [],
            "statements": list(range(statements))}


def test_actors_are_merged_by_canonical_name_across_articles_and_outlets(capsys, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl.gz"
    rows = [
        _record("a.txt", "The Herald", "2024-08-19", [_actor("Yuri Ushakov", 3, ["Kremlin adviser"]),
                                                      _actor("Kremlin", 0, kind="organisation")]),
        _record("b.txt", "Wire Daily", "2024-08-06", [_actor("yuri  ushakov", 1, ["aide"])]),
        _record("c.txt", None, None, [_actor("Helen Okafor", 2, ["Mayor"])]),
        {"index": 3, "source": "d.txt", "error": "d.txt: is empty (nothing to read)"},
    ]
    with gzip.open(records, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)
    code = main(["actors", "--records", str(records), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["articles"] == 3
    ushakov, okafor = data["actors"]
    assert ushakov == {
        "name": "Yuri Ushakov", "kind": "person", "statements": 4, "articles": 2, "quoted_in": 2,
        "statements_per_article": 2.0, "by_outlet": {"The Herald": 3, "Wire Daily": 1},
        "first": "2024-08-06", "last": "2024-08-19", "roles": ["Kremlin adviser", "aide"],
        "sources": [{"source": "a.txt", "statements": 3}, {"source": "b.txt", "statements": 1}],
    }
    assert (okafor["name"], okafor["by_outlet"], okafor["first"]) == (
        "Helen Okafor", {"(no outlet)": 2}, None
    )
    code = main(["actors", "--records", str(records), "--all", "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "name,kind,statements,articles,quoted_in,statements_per_article,by_outlet,first,last,roles"
    )
    assert lines[1] == (
        "Yuri Ushakov,person,4,2,2,2.0,The Herald: 3; Wire Daily: 1,2024-08-06,2024-08-19,"
        "Kremlin adviser; aide"
    )
    assert lines[-1] == "Kremlin,organisation,0,1,0,0.0,,,,"


def test_the_table_shows_each_actors_share_of_all_statements(capsys, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(_record(f"{n}.txt", "Herald", "2024-01-01", [
        _actor("Ann Lee", 3), _actor("Bo Diaz", 1)])) for n in range(2)) + "\n", encoding="utf-8")
    main(["actors", "--records", str(records), "--top", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 actor in 2 articles, 8 statements"
    assert lines[2].split()[:5] == ["Ann", "Lee", "person", "6", "2"]
    assert "█" * 15 + " " * 6 + "75.0%" in lines[2]  # 15 of 20 cells: 6 of all 8 statements


def test_actors_of_a_folder_add_up(capsys) -> None:
    code = main(["actors", str(SAMPLES), "--format", "json"])
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert code == 0 and data["articles"] == 3
    assert captured.err.startswith("byline: 3 inputs: 3 analysed, 0 failed in ")
    for actor in data["actors"]:
        assert sum(actor["by_outlet"].values()) == actor["statements"] > 0
        assert sum(source["statements"] for source in actor["sources"]) == actor["statements"]
    assert "Yuri Ushakov" in [actor["name"] for actor in data["actors"]]


def test_actors_needs_inputs(capsys) -> None:
    assert main(["actors"]) == 2
    assert capsys.readouterr().err == "byline: give articles, folders or corpus files, or --records FILE\n"
