"""Bar chart geometry for the admin's inline SVG: computed here, drawn by a template, so the
figures show without any script and a screen reader gets the table beside it."""

from dataclasses import dataclass
from datetime import date
from math import floor, log10

WIDTH, HEIGHT = 720, 220
LEFT, BOTTOM, TOP = 48, 24, 8


@dataclass(frozen=True)
class Bar:
    day: date
    views: int
    x: str
    y: str
    width: str
    height: str


@dataclass(frozen=True)
class Tick:
    value: int
    y: str


@dataclass(frozen=True)
class Label:
    day: date
    x: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    ticks: list[Tick]
    labels: list[Label]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: str = f"{HEIGHT - BOTTOM}"


def nice_ceiling(value: int) -> int:
    """1, 2 or 5 times a power of ten, so that the axis reads in round numbers."""
    if value <= 0:
        return 1
    power = 10 ** floor(log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def bar_chart(points: list[tuple[date, int]]) -> BarChart:
    """Coordinates as strings with a dot: the French locale would print « 12,5 », which SVG
    reads as two numbers."""
    top = nice_ceiling(max((views for _, views in points), default=0))
    plot_width, plot_height = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    step = plot_width / max(len(points), 1)
    bars = []
    for index, (day, views) in enumerate(points):
        height = plot_height * views / top
        bars.append(
            Bar(
                day=day,
                views=views,
                x=f"{LEFT + index * step + step * 0.1:.1f}",
                y=f"{TOP + plot_height - height:.1f}",
                width=f"{step * 0.8:.1f}",
                height=f"{height:.1f}",
            )
        )
    every = max(1, round(len(points) / 6))
    labels = [
        Label(day=day, x=f"{LEFT + index * step + step / 2:.1f}")
        for index, (day, _) in enumerate(points)
        if index % every == 0
    ]
    ticks = [
        Tick(value=value, y=f"{TOP + plot_height - plot_height * value / top:.1f}")
        for value in sorted({0, top // 2, top})
    ]
    return BarChart(bars=bars, ticks=ticks, labels=labels)
