#!/usr/bin/python3
"""GeoPandas peer of `coterm overlap A B`: read both layers, reproject to EPSG:27700,
overlay(how="intersection"), write a_code,b_code,area_m2. Timed end to end by the caller."""
import sys
import geopandas as gpd

a_path, a_code, b_path, b_code, out = sys.argv[1:6]
a = gpd.read_file(a_path)[[a_code, "geometry"]].rename(columns={a_code: "a_code"}).to_crs(27700)
b = gpd.read_file(b_path)[[b_code, "geometry"]].rename(columns={b_code: "b_code"}).to_crs(27700)
pieces = gpd.overlay(a, b, how="intersection", keep_geom_type=True)
pieces["area_m2"] = pieces.geometry.area
pieces = pieces[pieces.area_m2 > 0].sort_values(["a_code", "b_code"])
pieces[["a_code", "b_code", "area_m2"]].to_csv(out, index=False)  # full precision: the comparison is to 1e-6
