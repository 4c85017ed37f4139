"""Self-check for passages.yaml: every annotated string occurs in its passage, values are well-formed.

Standalone (needs only PyYAML); does not import or run Byline."""
import re, sys, datetime as dt, collections, yaml
import pathlib
P = pathlib.Path(__file__).with_name("passages.yaml")
data = yaml.safe_load(open(P, encoding="utf-8"))
errs = []
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
DAYS = ["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]
GRAIN_RE = {
    None: r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?)?$",
    "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$", "decade": r"^\d{3}0s$",
    "quarter": r"^\d{4}-Q[1-4]$", "half": r"^\d{4}-H[12]$", "week": r"^\d{4}-W\d{2}$",
    "season": r"^\d{4}-(SP|SU|FA|WI)$",
}
ids = collections.Counter()
trad = collections.Counter()
for i, p in enumerate(data):
    pid = p.get("id", f"#{i}"); ids[pid] += 1
    t = p["text"]; trad[p["tradition"]] += 1
    sents = len(re.findall(r"[.!?][\"”]?(\s|$)", t))
    if not (1 <= sents <= 5): errs.append(f"{pid}: {sents} sentences")
    for k in p:
        if k not in {"id","tradition","style","published","text","actors","not_actors","dates","not_dates"}:
            errs.append(f"{pid}: unknown key {k}")
    pub = dt.date.fromisoformat(p["published"]) if p.get("published") else None
    actor_strings = set()
    for a in p["actors"]:
        if a["label"] not in LABELS: errs.append(f"{pid}: bad label {a}")
        for s in [a["name"]] + a.get("aliases", []):
            if s not in t: errs.append(f"{pid}: actor string not in text: {s!r}")
            actor_strings.add(s)
        for r in a.get("roles", []):
            if r.lower() not in t.lower(): errs.append(f"{pid}: role not in text: {r!r}")
            if r.lower() in {"mr","mrs","ms","dr","prof"}: errs.append(f"{pid}: honorific as role {r}")
    for s in p.get("not_actors", []):
        if s not in t: errs.append(f"{pid}: not_actor not in text: {s!r}")
        if s in actor_strings: errs.append(f"{pid}: {s!r} both actor and not_actor")
    for d in p.get("dates", []):
        if d["text"] not in t: errs.append(f"{pid}: date text not in text: {d['text']!r}")
        v = str(d["value"]); g = d.get("grain")
        if g not in GRAIN_RE or not re.match(GRAIN_RE[g], v):
            errs.append(f"{pid}: bad value/grain {d}")
        if g is None and pub:
            day = dt.date.fromisoformat(v[:10])
            for wd in DAYS:
                if wd in d["text"] and DAYS[day.weekday()] != wd:
                    errs.append(f"{pid}: {d['text']} -> {v} is a {DAYS[day.weekday()]}")
            if abs((day - pub).days) > 400: errs.append(f"{pid}: date far from publication {d}")
        if g == "week":
            y, w = v.split("-W"); monday = dt.date.fromisocalendar(int(y), int(w), 1)
            if abs((monday - pub).days) > 14: errs.append(f"{pid}: week far from pub {d}")
    for s in p.get("not_dates", []):
        if s not in t: errs.append(f"{pid}: not_date not in text: {s!r}")
        if any(s == d["text"] for d in p.get("dates", [])): errs.append(f"{pid}: {s} both date and not_date")
for k, c in ids.items():
    if c > 1: errs.append(f"duplicate id {k}")
print("passages:", len(data)); print("traditions:", len(trad)); 
for k, c in sorted(trad.items(), key=lambda x: (-x[1], x[0])): print(f"  {k}: {c}")
print("actors:", sum(len(p["actors"]) for p in data), "dates:", sum(len(p.get("dates", [])) for p in data),
      "not_actors:", sum(len(p.get("not_actors", [])) for p in data), "not_dates:", sum(len(p.get("not_dates", [])) for p in data))
print("styles:", collections.Counter(p.get("style") for p in data))
print("\n".join(errs) if errs else "CHECK PASSED")
sys.exit(1 if errs else 0)
