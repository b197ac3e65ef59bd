#!/usr/bin/python3
"""Compares coterm apportion's output with the GeoPandas peer: every target's
population must be equal and its IMD score equal to 1e-9 relative."""
import csv
import sys

coterm_csv, peer_csv = sys.argv[1:3]
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f)}
pop = imd = rows(coterm_csv)
peer = rows(peer_csv)
worst_pop = max(abs(float(pop[c]["usual_residents"]) - float(peer[c]["usual_residents"])) for c in peer)
worst_imd = max(abs(float(imd[c]["imd2025_score"]) - float(peer[c]["imd2025_score"])) / float(peer[c]["imd2025_score"])
                for c in peer)
missing = set(pop) ^ set(peer)
ok = worst_pop == 0 and worst_imd < 1e-9 and not missing
print(f"  {len(peer)} targets; population max difference {worst_pop:g}; IMD max relative difference "
      f"{worst_imd:.1e}; targets on one side only: {len(missing)} -> {'AGREE' if ok else 'DISAGREE'}")
sys.exit(0 if ok else 1)
