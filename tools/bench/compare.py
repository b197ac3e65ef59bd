#!/usr/bin/python3
"""Checks that overlap tables from several tools agree: same pairs (above 1 m²) and
areas within a relative difference of 1e-6. Usage: compare.py NAME=FILE.csv ...
Each CSV has a_code, b_code and area_m2 columns. Prints one line per tool; exit 1 on
disagreement."""
import csv
import sys

def load(path):
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[(r["a_code"], r["b_code"])] = out.get((r["a_code"], r["b_code"]), 0.0) + float(r["area_m2"])
    return out

tables = [(arg.split("=", 1)[0], load(arg.split("=", 1)[1])) for arg in sys.argv[1:]]
ref_name, ref = tables[0]
ok = True
for name, other in tables[1:]:
    keys = {k for k, v in ref.items() if v > 1} | {k for k, v in other.items() if v > 1}
    missing = [k for k in keys if k not in ref or k not in other]
    worst, worst_key = 0.0, None
    for k in keys:
        if k in ref and k in other:
            rel = abs(ref[k] - other[k]) / max(ref[k], other[k])
            if rel > worst:
                worst, worst_key = rel, k
    agree = not missing and worst < 1e-6
    ok &= agree
    print(f"  {ref_name} vs {name}: {len(keys)} pairs above 1 m2, {len(missing)} missing on one side, "
          f"max relative area difference {worst:.2e}{' at ' + '/'.join(worst_key) if worst_key else ''}"
          f" -> {'AGREE' if agree else 'DISAGREE'}")
sys.exit(0 if ok else 1)
