#!/usr/bin/python3
"""GeoPandas peer of `coterm apportion` (centroid rule) for LSOA data: each LSOA's
population and IMD 2025 score go to the target holding its point on surface
(representative_point, the same GEOS PointOnSurface); population is summed (extensive),
the IMD score is the population-weighted mean (intensive). A point on a shared edge goes
to the lowest target code, as in coterm. Writes code,usual_residents,imd2025_score."""
import sys
import geopandas as gpd
import pandas as pd

lsoa_path, target_path, target_code, pop_csv, imd_csv, out = sys.argv[1:7]
lsoa = gpd.read_file(lsoa_path)[["lsoa21_code", "geometry"]].to_crs(27700)
target = gpd.read_file(target_path)[[target_code, "geometry"]].rename(columns={target_code: "code"}).to_crs(27700)
pop = pd.read_csv(pop_csv)
pop = pop[pop.variable == "usual_residents"][["area_code", "value"]].rename(columns={"value": "pop"})
imd = pd.read_csv(imd_csv)
imd = imd[imd.variable == "imd2025_score"][["area_code", "value"]].rename(columns={"value": "imd"})

points = gpd.GeoDataFrame(lsoa[["lsoa21_code"]], geometry=lsoa.geometry.representative_point(), crs=27700)
joined = gpd.sjoin(points, target, how="inner", predicate="intersects")
joined = joined.sort_values(["lsoa21_code", "code"]).drop_duplicates("lsoa21_code")
data = joined.merge(pop, left_on="lsoa21_code", right_on="area_code").merge(imd, left_on="lsoa21_code", right_on="area_code")
data["pop_x_imd"] = data["pop"] * data["imd"]
g = data.groupby("code").agg(usual_residents=("pop", "sum"), w=("pop_x_imd", "sum"))
g["imd2025_score"] = g["w"] / g["usual_residents"]
g[["usual_residents", "imd2025_score"]].reset_index().sort_values("code").to_csv(out, index=False)
