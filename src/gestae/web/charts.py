"""Chart geometry for server-drawn SVG: cooperation above the axis, conflict below, the net as a
line (the layout of `gestae dyad --plot`), and the world map's projection.

Only numbers are computed here; the templates write the SVG, so every label is escaped by the
template engine. Each period is a link, so a click lists the events behind it without script.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 900, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 28


@dataclass(frozen=True)
class Bar:
    """One period: its stacked pieces (class, y, height), its link and hover text."""

    x: float
    width: float
    pieces: tuple[tuple[str, float, float], ...]
    href: str
    title: str
    key: str  # the period's first day, for tests and scripts


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    zero: float = 0.0
    bars: list[Bar] = field(default_factory=list)
    line: str = ""
    yticks: list[tuple[float, str]] = field(default_factory=list)
    xticks: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, anchor
    label: str = ""


@dataclass(frozen=True)
class PeriodCounts:
    """What one bar shows: events per quad class in the period starting `start`."""

    start: date
    quads: tuple[int, int, int, int]
    href: str


def diverging(periods: Sequence[PeriodCounts], label: str = "") -> Chart:
    """Quad 1 and 2 stacked upwards, quad 3 and 4 downwards, net cooperation as a line."""
    chart = Chart(label=label)
    if not periods:
        return chart
    up = max(max(p.quads[0] + p.quads[1] for p in periods), 1)
    down = max(max(p.quads[2] + p.quads[3] for p in periods), 0)
    plot_h = HEIGHT - TOP - BOTTOM
    scale = plot_h / (up + down)
    chart.zero = TOP + up * scale
    step = (WIDTH - LEFT - RIGHT) / len(periods)
    width = max(step * 0.8, 1.0)
    points: list[str] = []
    for i, p in enumerate(periods):
        x = LEFT + i * step + (step - width) / 2
        q1, q2, q3, q4 = p.quads
        pieces = []
        y = chart.zero
        for cls, n in (("q1", q1), ("q2", q2)):
            if n:
                y -= n * scale
                pieces.append((cls, round(y, 2), round(n * scale, 2)))
        y = chart.zero
        for cls, n in (("q3", q3), ("q4", q4)):
            if n:
                pieces.append((cls, round(y, 2), round(n * scale, 2)))
                y += n * scale
        net = (q1 + q2) - (q3 + q4)
        points.append(f"{x + width / 2:.2f},{chart.zero - net * scale:.2f}")
        day = p.start.isoformat()
        title = (
            f"{day}: {q1 + q2} cooperation ({q1} verbal, {q2} material), "
            f"{q3 + q4} conflict ({q3} verbal, {q4} material)"
        )
        chart.bars.append(Bar(round(x, 2), round(width, 2), tuple(pieces), p.href, title, day))
    chart.line = " ".join(points)
    chart.yticks = [(TOP, str(up)), (chart.zero, "0")]
    if down:
        chart.yticks.append((TOP + plot_h, f"-{down}"))
    every = max(1, len(periods) // 8)
    chart.xticks = [
        _xtick(LEFT + i * step + step / 2, p.start.isoformat())
        for i, p in enumerate(periods)
        if i % every == 0
    ]
    return chart


# Half the width of a date label ("2024-05-31") in the 11px tick font, in pixels, with room to spare.
_HALF_LABEL = 36


def _xtick(x: float, label: str) -> tuple[float, str, str]:
    """A tick label centred under its bar, or aligned to the plot's edge where a centred label
    would run off the drawing."""
    if x + _HALF_LABEL > WIDTH:
        return (WIDTH - 2, label, "end")
    if x - _HALF_LABEL < 0:
        return (2, label, "start")
    return (x, label, "middle")


# --- the map ---------------------------------------------------------------------------------

MAP_WIDTH, MAP_HEIGHT = 360, 180  # degrees: x = lon + 180, y = 90 - lat


@functools.cache
def world() -> list[dict[str, Any]]:
    """Country outlines as SVG path data (tools/world_outline.py; provenance in docs/web.md)."""
    data = json.loads(
        resources.files("gestae.web").joinpath("data/world-110m.json").read_text("utf-8")
    )
    countries: list[dict[str, Any]] = data["countries"]
    return countries


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular: one degree is one unit on the 360 x 180 canvas."""
    return round(lon + 180.0, 3), round(90.0 - lat, 3)
