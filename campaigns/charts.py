"""A small line chart drawn on the server as SVG: no chart library, nothing from a CDN.

This module only computes geometry; `campaigns/admin/reach_chart.html` draws it.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import date_format

WIDTH = 760
HEIGHT = 280
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 40
MAX_X_LABELS = 8
MAX_MARKERS = 62


@dataclass
class ChartSeries:
    key: str
    label: str
    color: str
    values: list[int]
    points: str = ""
    markers: list[tuple[float, float, int]] = field(default_factory=list)
    total: int = 0


@dataclass
class LineChart:
    width: int
    height: int
    left: int
    top: int
    right: int
    bottom: int
    series: list[ChartSeries]
    y_ticks: list[tuple[float, int]]
    x_ticks: list[tuple[float, str]]
    title: str
    description: str


def nice_ceiling(value: float) -> int:
    """The smallest whole "round" number (1, 2, 2.5 or 5 times a power of ten) at or above value."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return max(1, math.ceil(step * magnitude))
    return value


def daily_line_chart(*, dates, series: list[ChartSeries], title: str, description: str) -> LineChart:
    """Place each series' daily values on a shared axis, from the first day to the last."""
    right = WIDTH - MARGIN_RIGHT
    bottom = HEIGHT - MARGIN_BOTTOM
    plot_width = right - MARGIN_LEFT
    plot_height = bottom - MARGIN_TOP
    # Four equal whole-number steps up to just above the highest value.
    step = nice_ceiling(max((max(s.values, default=0) for s in series), default=0) / 4)
    top_value = step * 4
    count = len(dates)

    def x_at(index: int) -> float:
        return MARGIN_LEFT + (plot_width / 2 if count <= 1 else plot_width * index / (count - 1))

    def y_at(value: int) -> float:
        return bottom - plot_height * value / top_value

    for item in series:
        coordinates = [(round(x_at(i), 1), round(y_at(v), 1), v) for i, v in enumerate(item.values)]
        item.points = " ".join(f"{x},{y}" for x, y, _v in coordinates)
        item.markers = coordinates if count <= MAX_MARKERS else []
        item.total = sum(item.values)

    y_ticks = [(round(y_at(step * n), 1), step * n) for n in range(5)]
    stride = max(1, math.ceil(count / MAX_X_LABELS))
    x_ticks = [(round(x_at(i), 1), date_format(day, "j M")) for i, day in enumerate(dates) if i % stride == 0]
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        left=MARGIN_LEFT,
        top=MARGIN_TOP,
        right=right,
        bottom=bottom,
        series=series,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        title=title,
        description=description,
    )
