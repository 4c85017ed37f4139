#!/usr/bin/env python3
"""Self-check for the attribution_positions2 gold files, or those of the folder given as its
argument (attribution_positions3); stand-alone, it uses no project code.

For every NAME.txt / NAME.yaml pair:
  * every statement `text` is an exact substring of the article body, found in
    text order with str.find (so spans are also non-overlapping);
  * every `target` is found with str.find after the previous statement's span;
  * every `cue` occurs between the previous span and shortly after this span;
  * speaker is a declared actor; frame/stance values are valid;
  * direct quotes really sit inside double quotation marks, or form a whole
    transcript turn (the line starts with a speaker label `NAME: ` and the span
    runs to the end of the line, less a final full stop);
  * reported spans may contain quotation marks (partial-quote convention), but
    only balanced ones (an even number);
  * body length is 350-700 words.
Prints per-file and total counts per frame. Exit status 1 on any error.
"""
import collections
import glob
import os
import re
import sys

import yaml

FRAMES = {"speech", "belief", "intention", "stance", "evidence"}
STANCES = {"support", "oppose", "demand", "accuse", "deny"}
KINDS = {"person", "organisation", "group", "document"}

def check(base):
    errs = []
    with open(base + ".txt", encoding="utf-8") as f:
        raw = f.read()
    with open(base + ".yaml", encoding="utf-8") as f:
        gold = yaml.safe_load(f)
    head, _, body = raw.partition("\n\n")
    start = len(head) + 2
    words = len(body.split())
    if not 350 <= words <= 700:
        errs.append(f"body has {words} words")
    actors = {a["name"] for a in gold["actors"]}
    for a in gold["actors"]:
        if a.get("kind") not in KINDS:
            errs.append(f"actor {a['name']}: bad kind {a.get('kind')}")
        for al in a.get("aliases", []):
            if al not in raw:
                errs.append(f"actor {a['name']}: alias {al!r} not in text")
    cursor = start
    frames = collections.Counter()
    kinds = collections.Counter()
    akinds = collections.Counter(a.get("kind") for a in gold["actors"])
    for i, st in enumerate(gold["statements"]):
        tag = f"#{i+1} {st['text'][:40]!r}"
        prev_end = cursor
        pos = raw.find(st["text"], cursor)
        if pos < 0:
            errs.append(f"{tag}: text not found in order")
            continue
        end = pos + len(st["text"])
        cursor = end
        if st["speaker"] not in actors:
            errs.append(f"{tag}: unknown speaker {st['speaker']}")
        kinds[st["kind"]] += 1
        if st.get("stance"):
            kinds["stance:" + st["stance"]] += 1
        if st["kind"] not in ("direct", "reported"):
            errs.append(f"{tag}: bad kind")
        fr = st["frame"]
        frames[fr] += 1
        if fr not in FRAMES:
            errs.append(f"{tag}: bad frame {fr}")
        if fr == "stance":
            if st.get("stance") not in STANCES:
                errs.append(f"{tag}: bad stance {st.get('stance')}")
        elif "stance" in st or "target" in st:
            errs.append(f"{tag}: stance/target on non-stance frame")
        if "target" in st:
            tpos = raw.find(st["target"], prev_end)
            if tpos < 0 or tpos > end:
                errs.append(f"{tag}: target {st['target']!r} not found near span")
        window = raw[prev_end:end + 120]
        if st["cue"] not in window:
            errs.append(f"{tag}: cue {st['cue']!r} not near span")
        if st["kind"] == "direct":
            before = raw[pos - 1]
            after = raw[end:end + 2]
            quoted = before == '"' and (after.startswith('"') or after in ('."', ',"', '?"', '!"'))
            line_start = raw.rfind("\n", 0, pos) + 1
            label = raw[line_start:pos]
            turn = (re.fullmatch(r"[A-Z][A-Za-z .'-]*: ", label) is not None
                    and re.match(r"[.?!]?(\n|$)", raw[end:end + 2]) is not None)
            if not (quoted or turn):
                errs.append(f"{tag}: direct text not enclosed in quote marks nor a transcript turn")
        else:
            if st["text"].count('"') % 2:
                errs.append(f"{tag}: reported span has unbalanced quote marks")
    return errs, frames, words, kinds, akinds

def main():
    # A folder given on the command line (attribution_positions3 uses this checker), else this one.
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    total = collections.Counter()
    tkinds = collections.Counter()
    takinds = collections.Counter()
    bad = False
    bases = sorted(p[:-4] for p in glob.glob(os.path.join(here, "*.txt")))
    for base in bases:
        errs, frames, words, kinds, akinds = check(base)
        total.update(frames)
        tkinds.update(kinds)
        takinds.update(akinds)
        n = sum(frames.values())
        print(f"{os.path.basename(base):34s} words={words:3d} statements={n:2d} " +
              " ".join(f"{k}={frames[k]}" for k in sorted(FRAMES)))
        for e in errs:
            bad = True
            print("   ERROR", e)
    print(f"TOTAL files={len(bases)} statements={sum(total.values())} " +
          " ".join(f"{k}={total[k]}" for k in sorted(FRAMES)))
    print("KINDS " + " ".join(f"{k}={v}" for k, v in sorted(tkinds.items())))
    print(f"ACTORS {sum(takinds.values())} " + " ".join(f"{k}={v}" for k, v in sorted(takinds.items())))
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
