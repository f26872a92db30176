"""The two charts of a status report, drawn with matplotlib as self-contained SVG.

- **by unit**: one horizontal bar per unit, stacked by status (未开始, 整改中, 已完成, 已销号), units
  with most rows on top; past :data:`MAX_UNITS` units the rest are one bar ``其他（N个单位）``.
- **by status**: one bar per status with its count.

Glyphs are drawn as paths (no font needed to view the SVG) with Noto Sans CJK SC (Debian
``fonts-noto-cjk``) or another CJK font matplotlib finds; the SVG carries no date or random id, so the
same report gives the same bytes. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import base64
import io
import logging
from typing import Any

from docproc.errors import MissingDependencyError
from docproc.ledger.status import StatusReport, UnitProgress
from docproc.model.ledger import STATUSES

MAX_UNITS = 12
FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "WenQuanYi Zen Hei", "DejaVu Sans"]
# One colour per status, in STATUSES order: not started grey, in progress amber, done green, closed blue.
STATUS_COLOURS = ("#bfbfbf", "#f0a030", "#4caf50", "#2f6db5")


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise MissingDependencyError(f"status report charts need matplotlib: pip install matplotlib ({exc})") from exc
    matplotlib.use("Agg", force=False)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    return plt


def _style() -> dict[str, Any]:
    return {"font.family": "sans-serif", "font.sans-serif": FONTS, "font.size": 9, "svg.fonttype": "path",
            "svg.hashsalt": "docproc", "axes.spines.top": False, "axes.spines.right": False}


def chart_units(report: StatusReport) -> list[UnitProgress]:
    """The bars of the by-unit chart: the units with most rows, the rest summed as 其他（N个单位）."""
    units = list(report.by_unit)
    if len(units) <= MAX_UNITS:
        return units
    shown, rest = units[: MAX_UNITS - 1], units[MAX_UNITS - 1 :]
    other = UnitProgress(f"其他（{len(rest)}个单位）")
    for unit in rest:
        for status, count in unit.counts.items():
            other.counts[status] = other.counts.get(status, 0) + count
        other.overdue += unit.overdue
    return [*shown, other]


def _svg(figure: Any, plt: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def by_unit_chart(report: StatusReport) -> bytes:
    """SVG: rows per unit, stacked by status."""
    plt = _pyplot()
    units = chart_units(report)
    with plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(7.0, 0.9 + 0.38 * max(1, len(units))))
        labels = [u.unit for u in reversed(units)]
        left = [0] * len(units)
        for status, colour in zip(STATUSES, STATUS_COLOURS, strict=True):
            values = [u.counts.get(status, 0) for u in reversed(units)]
            axes.barh(labels, values, left=left, color=colour, label=status, height=0.6)
            left = [a + b for a, b in zip(left, values, strict=True)]
        for index, total in enumerate(left):
            axes.text(total, index, f" {total}", va="center", fontsize=8)
        axes.set_xlabel("整改事项（项）")
        axes.set_title("各责任单位整改完成情况")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.legend(ncols=len(STATUSES), loc="upper center", bbox_to_anchor=(0.5, -0.5 / figure.get_figheight() - 0.12),
                    frameon=False, fontsize=8)
        return _svg(figure, plt)


def by_status_chart(report: StatusReport) -> bytes:
    """SVG: rows per status."""
    plt = _pyplot()
    with plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(4.2, 2.8))
        counts = [report.by_status.get(status, 0) for status in STATUSES]
        bars = axes.bar(list(STATUSES), counts, color=STATUS_COLOURS, width=0.6)
        axes.bar_label(bars, padding=2, fontsize=8)
        axes.set_ylabel("整改事项（项）")
        axes.set_title("整改事项状态分布")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_ylim(0, max(counts + [1]) * 1.18)
        return _svg(figure, plt)


def data_uri(svg: bytes) -> str:
    """An SVG as an inline ``data:`` URI (an HTML page or a PDF fetches nothing)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
