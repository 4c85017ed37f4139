#!/usr/bin/env python3
"""Checks the `nested:` lists of this folder's gold files (stand-alone; no project code).

`nested:` is this set's addition to the format of attribution_positions2/3: attributions
whose cue and content lie inside another statement's span (chiefly inside direct quotes).
They cannot sit in `statements:` because that list is non-overlapping. For each item:
  * `outer` is the 1-based index of the enclosing statement in `statements:`;
  * `text` and `cue` are substrings of that statement's `text`, and `text` occurs
    in the article body inside the outer span;
  * a nested `kind: direct` (a quote inside a quote) sits inside single quotation marks
    (less a final , or . as for direct spans);
  * speaker is a declared actor; frame/stance/target values are valid.
Prints the counts per frame; exit status 1 on any error.
Run: python3 check_nested.py [FOLDER]
"""
import collections
import glob
import os
import sys

import yaml

FRAMES = {"speech", "belief", "intention", "stance", "evidence"}
STANCES = {"support", "oppose", "demand", "accuse", "deny"}


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    bad = False
    total = collections.Counter()
    for path in sorted(glob.glob(os.path.join(here, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            gold = yaml.safe_load(f)
        actors = {a["name"] for a in gold["actors"]}
        sts = gold["statements"]
        frames = collections.Counter()
        errs = []
        for i, n in enumerate(gold.get("nested") or []):
            tag = f"nested #{i+1} {n['text'][:40]!r}"
            o = n.get("outer")
            if not isinstance(o, int) or not 1 <= o <= len(sts):
                errs.append(f"{tag}: bad outer {o}")
                continue
            outer = sts[o - 1]["text"]
            if n["text"] not in outer:
                errs.append(f"{tag}: text not inside outer #{o}")
            if n["cue"] not in outer:
                errs.append(f"{tag}: cue {n['cue']!r} not inside outer #{o}")
            if n["speaker"] not in actors:
                errs.append(f"{tag}: unknown speaker {n['speaker']}")
            if n.get("kind") not in ("reported", "direct"):
                errs.append(f"{tag}: bad kind {n.get('kind')}")
            if n.get("kind") == "direct" and not any(
                    "'" + n["text"] + end in outer for end in ("'", ",'", ".'", "?'", "!'")):
                errs.append(f"{tag}: a nested direct quote must sit inside single quotation marks")
            fr = n.get("frame")
            frames[fr] += 1
            if fr not in FRAMES:
                errs.append(f"{tag}: bad frame {fr}")
            if fr == "stance":
                if n.get("stance") not in STANCES:
                    errs.append(f"{tag}: bad stance {n.get('stance')}")
                if "target" in n and n["target"] not in outer:
                    errs.append(f"{tag}: target not inside outer")
            elif "stance" in n or "target" in n:
                errs.append(f"{tag}: stance/target on non-stance frame")
        total.update(frames)
        print(f"{os.path.basename(path)[:-5]:34s} nested={sum(frames.values()):2d} " +
              " ".join(f"{k}={frames[k]}" for k in sorted(FRAMES)))
        for e in errs:
            bad = True
            print("   ERROR", e)
    print(f"TOTAL nested={sum(total.values())} " + " ".join(f"{k}={total[k]}" for k in sorted(FRAMES)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
