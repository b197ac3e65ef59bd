#!/usr/bin/python3
"""GeoPandas peer of the tools/bench-peers workloads, the fast way a GeoPandas user
would write them: read_file, to_crs(27700), an STRtree query for candidate pairs
(sindex.query_bulk, predicate "intersects"), then the intersection area of each pair.
Timed end to end by the caller.

  geopandas_peer.py overlap A_FILE A_CODE B_FILE B_CODE OUT
  geopandas_peer.py apportion SRC_FILE SRC_CODE TGT_FILE TGT_CODE CSV VARIABLE OUT
  geopandas_peer.py scorecard OUT FILE CODE [FILE CODE ...]   (every unordered pair)
"""
import sys

import geopandas as gpd
import pandas as pd


def read(path, code):
    return gpd.read_file(path)[[code, "geometry"]].rename(columns={code: "code"}).to_crs(27700)


def pair_areas(a, b):
    ia, ib = b.sindex.query_bulk(a.geometry, predicate="intersects")
    ga = a.geometry.values[ia]
    gb = b.geometry.values[ib]
    areas = gpd.GeoSeries(ga).intersection(gpd.GeoSeries(gb)).area.values
    out = pd.DataFrame({"a": ia, "b": ib, "area_m2": areas})
    return out[out.area_m2 > 0]


def overlap(a_path, a_code, b_path, b_code, out):
    a, b = read(a_path, a_code), read(b_path, b_code)
    p = pair_areas(a, b)
    p["a_code"] = a.code.values[p.a.values]
    p["b_code"] = b.code.values[p.b.values]
    p.sort_values(["a_code", "b_code"])[["a_code", "b_code", "area_m2"]].to_csv(out, index=False)


def apportion(s_path, s_code, t_path, t_code, csv, variable, out):
    s, t = read(s_path, s_code), read(t_path, t_code)
    data = pd.read_csv(csv)
    data = data[data.variable == variable].set_index("area_code").value
    p = pair_areas(s, t)
    src_area = s.geometry.area.values[p.a.values]
    value = data.reindex(s.code.values[p.a.values]).fillna(0).values
    p["moved"] = value * p.area_m2.values / src_area
    p["code"] = t.code.values[p.b.values]
    p.groupby("code").moved.sum().rename(variable).to_csv(out)


def scorecard(out, specs):
    layers = [read(specs[k], specs[k + 1]) for k in range(0, len(specs), 2)]
    rows = []
    for i in range(len(layers)):
        for j in range(i + 1, len(layers)):
            p = pair_areas(layers[i], layers[j])
            rows.append((i, j, len(p), p.area_m2.sum()))
    pd.DataFrame(rows, columns=["a", "b", "pairs", "area_m2"]).to_csv(out, index=False)


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "overlap":
        overlap(*args)
    elif mode == "apportion":
        apportion(*args)
    elif mode == "scorecard":
        scorecard(args[0], args[1:])
    else:
        sys.exit("geopandas_peer.py: unknown mode " + mode)
