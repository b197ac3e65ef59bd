#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Independent check of a `coterm propose` folder of upper-tier councils or districts
(docs/methods.md §16.3), from the ONS lookup CSVs and the Census 2021 LSOA populations
only, with no geometry and no coterm code: each LSOA 2021 is in the district of
lookup_lsoa21_ward24_ltla24.csv, the ICB of lookup_lsoa21_icb24.csv, and through its
district in the council (lookup_ltla23_utla23.csv, the same codes as 2024), police force
area, fire and rescue authority and combined authority. The LSOA-built layers are built
from the LSOA polygons by these lookups, so coterm's point-on-surface assignment must
give the same numbers.

For every set in compare.csv (options and status quo), from its groups.csv: the count,
the smallest and largest footprint, each term (`split_<layer>` = people of a unit outside
its main footprint, `changing_footprint` the same for the --from layer), the objective
(split layers weighted 1) and, for options, the population bounds and the keep-whole layer.

usage: propose_check.py DATA_DIR OUT_DIR BLOCKS FROM POP_MIN POP_MAX KEEP_WHOLE [FROM_WEIGHT]
       (FROM, KEEP_WHOLE: a layer id or -; POP_MAX: a number or inf; split layers weigh 1,
       FROM_WEIGHT defaults to 1). Exit 1 on a difference."""
import csv
import math
import sys
from collections import defaultdict

data, out, blocks, from_layer, pop_min, pop_max, keep = sys.argv[1:8]
from_weight = float(sys.argv[8]) if len(sys.argv) > 8 else 1.0
pop_min, pop_max = float(pop_min), float(pop_max)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


people, district, icb = {}, {}, {}
for r in rows(f"{data}/stats/population_lsoa21_census2021.csv"):
    if r["variable"] == "usual_residents":
        people[r["area_code"]] = float(r["value"])
for r in rows(f"{data}/lookups/lookup_lsoa21_ward24_ltla24.csv"):
    district[r["lsoa21_code"]] = r["ltla24_code"]
for r in rows(f"{data}/lookups/lookup_lsoa21_icb24.csv"):
    icb[r["lsoa21_code"]] = r["icb24_code"]
by_district = {  # layer -> district -> unit
    "utla23": {r["ltla23_code"]: r["utla23_code"] for r in rows(f"{data}/lookups/lookup_ltla23_utla23.csv")},
    "pfa24": {r["ltla24_code"]: r["pfa24_code"] for r in rows(f"{data}/lookups/lookup_ltla24_csp24_pfa24.csv")},
    "fra24": {r["ltla24_code"]: r["fra24_code"] for r in rows(f"{data}/lookups/lookup_ltla24_fra24.csv")},
    "cauth23": {r["ltla23_code"]: r["cauth23_code"] for r in rows(f"{data}/lookups/lookup_ltla23_cauth23.csv")},
}
by_district["ltla24"] = {d: d for d in set(district.values())}


def unit_of(layer, lsoa):
    if layer == "icb24":
        return icb[lsoa]
    return by_district[layer].get(district[lsoa])


errors = []


def expect(what, got, want):
    if abs(float(got) - want) > 0.5:
        errors.append(f"{what}: coterm wrote {got}, the lookups give {want:.0f}")


compare = rows(f"{out}/compare.csv")
layers = [c[len("split_"):] for c in compare[0] if c.startswith("split_")]
for row in compare:
    label = row["option"]
    folder = "status-quo" if label == "status quo" else label.replace(" ", "-")
    footprint_of_block = {r["block_code"]: r["footprint_code"] for r in rows(f"{out}/{folder}/groups.csv")}
    size = defaultdict(float)  # footprint -> people
    n = defaultdict(lambda: defaultdict(float))  # (layer, unit) -> footprint -> people
    for lsoa, p in people.items():
        f = footprint_of_block[unit_of(blocks, lsoa)]
        size[f] += p
        for layer in set(layers + ([from_layer] if from_layer != "-" else [])):
            n[layer, unit_of(layer, lsoa)][f] += p

    def misplaced(layer):
        return sum(sum(fs.values()) - max(fs.values()) for (lay, u), fs in n.items() if lay == layer and u)

    expect(f"{label} footprints", row["footprints"], len(size))
    expect(f"{label} smallest", row["smallest"], min(size.values()))
    expect(f"{label} largest", row["largest"], max(size.values()))
    objective = 0.0
    for layer in layers:
        objective += misplaced(layer)
        expect(f"{label} split_{layer}", row[f"split_{layer}"], misplaced(layer))
    if from_layer != "-":
        objective += from_weight * misplaced(from_layer)
        expect(f"{label} changing_footprint", row["changing_footprint"], misplaced(from_layer))
    expect(f"{label} objective", row["objective"], objective)
    print(f"{label}: {len(size)} footprints of {min(size.values()):,.0f} to {max(size.values()):,.0f} people; "
          + ", ".join(f"split_{lay} {misplaced(lay):,.0f}" for lay in layers)
          + (f", changing {from_layer} {misplaced(from_layer):,.0f}" if from_layer != "-" else "")
          + f"; objective {objective:,.0f}")
    if label == "status quo":
        continue
    if row["constraints_met"] != "true":
        errors.append(f"{label}: an option breaking a constraint was returned")
    outside = [f"{f} {p:.0f}" for f, p in size.items() if p < pop_min or p > pop_max]
    if outside:
        errors.append(f"{label}: footprints outside {pop_min:.0f}–{pop_max}: {outside}")
    if keep != "-":  # every district of a kept-whole unit in one footprint
        where = defaultdict(set)
        for d, u in by_district[keep].items():
            where[u].add(footprint_of_block[by_district[blocks][d]])
        split = sorted(u for u, fs in where.items() if len(fs) > 1)
        if split:
            errors.append(f"{label}: {keep} units split: {split}")

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
