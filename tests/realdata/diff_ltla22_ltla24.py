#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Independent check of `coterm diff ltla22 ltla24` (docs/methods.md §18), from the lookup
CSVs and the Census 2021 LSOA populations only, with no geometry: each LSOA 2021 is in the
LAD 2022 of lookup_lsoa11_lsoa21_ltla22.csv and the LAD 2024 of
lookup_lsoa21_ward24_ltla24.csv. Both layers are built from the LSOA polygons by these
lookups, so coterm's point-on-surface assignment must give the same pairs.

usage: diff_ltla22_ltla24.py DATA_DIR RUN_DIR   (exit 1 with the differences)"""
import csv
import json
import sys
from collections import defaultdict

data, run = sys.argv[1], sys.argv[2]
before = {}
with open(f"{data}/lookups/lookup_lsoa11_lsoa21_ltla22.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        before.setdefault(row["lsoa21_code"], row["ltla22_code"])
after = {}
with open(f"{data}/lookups/lookup_lsoa21_ward24_ltla24.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        after[row["lsoa21_code"]] = row["ltla24_code"]
people = {}
with open(f"{data}/stats/population_lsoa21_census2021.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["variable"] == "usual_residents":
            people[row["area_code"]] = float(row["value"])

expected = defaultdict(lambda: [0, 0.0])  # (from, to) -> [blocks, people], changed pairs only
for lsoa, b in after.items():  # England: the LSOAs of ltla24 (and of the lsoa21 layer)
    a = before.get(lsoa, "")
    if a != b:
        expected[(a, b)][0] += 1
        expected[(a, b)][1] += people.get(lsoa, 0.0)

found = {}
with open(f"{run}/changes.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        found[(row["from_code"], row["to_code"])] = [int(row["blocks"]), float(row["people"]), row["kind"]]

errors = []
for key, (blocks, ppl) in sorted(expected.items()):
    got = found.get(key)
    if not got or got[0] != blocks or abs(got[1] - ppl) > 1e-6 or got[2] != "moved":
        errors.append(f"{key}: expected {blocks} blocks, {ppl:.0f} people moved; coterm: {got}")
for key in sorted(set(found) - set(expected)):
    errors.append(f"{key}: coterm reports {found[key]}, the lookups no change")

with open(f"{run}/changes.json", encoding="utf-8") as f:
    summary = json.load(f)["summary"]
moved = sum(p for _, p in expected.values())
if abs(summary["people_moved"] - moved) > 1e-6:
    errors.append(f"people_moved {summary['people_moved']} != {moved}")
print(f"lookups: {len(expected)} changed pairs, {moved:.0f} people moved; coterm: {len(found)} pairs, "
      f"{summary['people_moved']:.0f}")
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
