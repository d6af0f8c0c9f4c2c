"""Static SVG charts, drawn at build time so pages need no chart library and no script.

Hand-written: a line or bar chart is a few dozen SVG elements, while a plotting library would
add tens of megabytes and seconds per thousand pages, and non-deterministic ids.
"""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 24, 48


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _ticks(top: float) -> list[float]:
    if top <= 0:
        return [0.0]
    step = 10 ** (len(str(int(top))) - 1) or 1
    while top / step > 5:
        step *= 2
    return [i * step for i in range(int(top // step) + 2) if i * step <= top * 1.1 or i == 0]


def line_chart(labels: list[str], values: list[float], title: str, unit: str = "") -> str:
    """A line chart of one series; title and labels are escaped."""
    if not values:
        return ""
    top = max(max(values), 0) or 1
    ticks = _ticks(top)
    scale_top = max(ticks[-1], top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (len(values) - 1) if len(values) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / scale_top)

    points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts = [
        f'<svg class="sd-grafik" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="grafik-judul" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafik-judul">{escape(title)}</title>',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" class="sd-grid"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{escape(_number(tick))}</text>"
        )
    every = max(1, len(labels) // 12)
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 20}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append(f'<polyline points="{points}" class="sd-garis" fill="none"/>')
    for i, v in enumerate(values):
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" class="sd-titik">'
            f"<title>{escape(labels[i])}: {escape(_number(v))} {escape(unit)}</title>"
            f"</circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    labels: list[str],
    values: list[float | None],
    title: str,
    maximum: float = 100.0,
    suffix: str = "%",
) -> str:
    """Horizontal bars (e.g. Daftar Data fulfilled per OPD, in percent)."""
    row, label_w = 28, 150
    height = TOP + row * len(labels) + 8
    plot_w = WIDTH - label_w - 70
    parts = [
        f'<svg class="sd-grafik" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="batang-judul" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="batang-judul">{escape(title)}</title>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=False)):
        top = TOP + i * row
        width = plot_w * (value or 0) / maximum
        text = "-" if value is None else f"{_number(value)}{suffix}"
        parts.append(
            f'<text x="{label_w - 8}" y="{top + 17}" text-anchor="end">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{top + 4}" width="{width:.1f}" height="18" '
            f'class="sd-batang"><title>{escape(label)}: {escape(text)}</title></rect>'
        )
        parts.append(f'<text x="{label_w + width + 6:.1f}" y="{top + 17}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
