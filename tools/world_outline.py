"""Turn Natural Earth's 1:110m country outlines (world-atlas TopoJSON) into the SVG paths the
web explorer's map draws, so the server ships one small file and needs no map library.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/world_outline.py /tmp/package/countries-110m.json \
        src/gestae/web/data/world-110m.json

The projection is equirectangular on a 360 x 180 canvas: x = lon + 180, y = 90 - lat, so the
server places an event at its latitude and longitude with one addition each. Coordinates are
rounded to 0.1 degree (the 1:110m data is coarser than that). Provenance: docs/web.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from its arc indexes; a negative index ~i is arc i reversed, and each
    arc after the first repeats the previous arc's last point, which is dropped."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def crossing(points: list[Point]) -> list[list[Point]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) jumps from 180 to -180 and back,
    which would draw a line across the whole map: make it continuous past 180 and add a copy
    shifted by 360 degrees, so each half shows at its edge of the map (the SVG clips the rest).
    A ring with an odd number of jumps circles a pole (Antarctica): its jump runs along the
    map's edge already, so it stays as it is."""
    jumps = sum(1 for a, b in itertools.pairwise(points) if abs(b[0] - a[0]) > 180)
    if jumps == 0 or jumps % 2:
        return [points]
    shift = 0.0
    ring = [points[0]]
    for (before, _), (lon, lat) in itertools.pairwise(points):
        if lon - before > 180:
            shift -= 360
        elif lon - before < -180:
            shift += 360
        ring.append((lon + shift, lat))
    copies = [ring]
    if max(lon for lon, _ in ring) > 180:
        copies.append([(lon - 360, lat) for lon, lat in ring])
    if min(lon for lon, _ in ring) < -180:
        copies.append([(lon + 360, lat) for lon, lat in ring])
    return copies


def path(rings: list[list[Point]]) -> str:
    """SVG path data on the 360 x 180 equirectangular canvas."""
    parts: list[str] = []
    for points in rings:
        coords: list[str] = []
        last = ""
        for lon, lat in points:
            here = f"{lon + 180:.1f} {90 - lat:.1f}"
            if here != last:  # rounding merges neighbours at this scale
                coords.append(here)
                last = here
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def alpha3(numeric: str | None, name: str | None) -> str | None:
    """ISO alpha-3 as gestae stores it; Kosovo has no ISO code and gestae writes KOS."""
    if name == "Kosovo":
        return "KOS"
    if not numeric:
        return None
    import pycountry

    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def convert(source: Path) -> dict[str, Any]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [part for p in polygons for r in p for part in crossing(ring(r, arcs))]
        name = geometry.get("properties", {}).get("name")
        countries.append(
            {
                "name": name,
                "iso3": alpha3(geometry.get("id"), name),
                "d": path(rings),
            }
        )
    return {
        "source": "Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), "
        "via the npm package world-atlas 2.0.2 (countries-110m.json)",
        "projection": "equirectangular; x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 180,
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas")
    parser.add_argument("output", type=Path, help="the JSON file the web explorer reads")
    args = parser.parse_args()
    data = convert(args.topojson)
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries written to {args.output}")


if __name__ == "__main__":
    main()
