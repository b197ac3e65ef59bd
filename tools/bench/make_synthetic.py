#!/usr/bin/python3
"""Synthetic layers for tools/bench-scaling (GeoJSON in EPSG:27700, field `code`).

  make_synthetic.py grid N SHIFT OUT [CELL [COLS]]
                                          N square cells (CELL metres, default 100) in
                                          rows of COLS (default: a near-square grid),
                                          moved by (SHIFT, SHIFT/2) metres
  make_synthetic.py zigzag V OUT          one polygon with V vertices: a 10 km wide
                                          block whose top edge is a zig-zag (V-3 teeth
                                          points, 1 m apart in x, alternating 0/40 m)
  make_synthetic.py box X0 Y0 X1 Y1 OUT   one rectangle
Written with plain string formatting (no GeoPandas) so that 1M cells take seconds."""
import math
import sys

HEAD = ('{"type":"FeatureCollection","crs":{"type":"name","properties":'
        '{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[\n')
X0, Y0 = 400000.0, 200000.0


def feature(code, ring):
    coords = ",".join("[%.3f,%.3f]" % p for p in ring)
    return '{"type":"Feature","properties":{"code":"%s"},"geometry":{"type":"Polygon","coordinates":[[%s]]}}' % (
        code, coords)


def write(out, features):
    with open(out, "w") as f:
        f.write(HEAD)
        first = True
        for s in features:
            f.write(("" if first else ",\n") + s)
            first = False
        f.write("\n]}\n")


def grid(n, shift, out, cell=100.0, cols=0):
    cols = cols or int(math.ceil(math.sqrt(n)))
    def gen():
        for k in range(n):
            r, c = divmod(k, cols)
            x, y = X0 + c * cell + shift, Y0 + r * cell + shift / 2
            yield feature("C%07d" % k, [(x, y), (x + cell, y), (x + cell, y + cell), (x, y + cell), (x, y)])
    write(out, gen())


def zigzag(v, out):
    teeth = v - 3  # + two bottom corners + the closing point
    ring = [(X0, Y0)]
    width = float(teeth - 1)  # 1 m apart in x
    ring.append((X0 + width, Y0))
    for k in range(teeth - 1, -1, -1):
        ring.append((X0 + k, Y0 + 1000 + (40 if k % 2 else 0)))
    ring.append((X0, Y0))
    write(out, [feature("Z1", ring)])


def box(x0, y0, x1, y1, out):
    write(out, [feature("B1", [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])])


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "grid":
        grid(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], *[float(v) for v in sys.argv[5:6]],
             *[int(v) for v in sys.argv[6:7]])
    elif kind == "zigzag":
        zigzag(int(sys.argv[2]), sys.argv[3])
    elif kind == "box":
        box(*map(float, sys.argv[2:6]), sys.argv[6])
    else:
        sys.exit("make_synthetic.py: unknown kind " + kind)
