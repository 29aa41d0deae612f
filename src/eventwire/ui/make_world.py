"""Build ``static/world.json`` (country outlines as SVG path data) from Natural Earth 110m TopoJSON.

Run once, by hand (not at run time)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m eventwire.ui.make_world package/countries-110m.json src/eventwire/ui/static/world.json

Projection: plate carrée (equirectangular), x = lon + 180, y = 90 - lat, in a 360 × 180 box, so the
dashboard places an event at (lon + 180, 90 - lat).  See static/SOURCES.md for origin and licence.
"""
from __future__ import annotations

import json
import sys


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in ring:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def path_d(rings: list[list[int]], arcs) -> str:
    out = []
    for ring in rings:
        pts = ring_points(ring, arcs)
        if len(pts) < 3:
            continue
        coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in pts]
        dedup = [c for k, c in enumerate(coords) if k == 0 or c != coords[k - 1]]
        out.append("M" + "L".join(dedup) + "Z")
    return "".join(out)


def main(src: str, dst: str) -> None:
    topo = json.load(open(src, encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            d = path_d(g["arcs"], arcs)
        elif g["type"] == "MultiPolygon":
            d = "".join(path_d(p, arcs) for p in g["arcs"])
        else:
            continue
        countries.append({"id": g.get("id"), "name": g["properties"].get("name"), "d": d})
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump({"source": "Natural Earth 110m admin-0 countries via world-atlas 2.0.2",
                   "projection": "equirectangular 360x180", "countries": countries}, fh,
                  ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
