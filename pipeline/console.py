"""Terminal output: consoles that respect ``COLUMNS`` and pipes, tables that fit or turn to records.

Every table the CLI prints (query results, the run summary, the claims) goes through here, so
one rule says how wide the output is, how a value is written, and what happens when a table
cannot fit: numbers are never cut; long text is cut to a width the footer tells; a table too
wide even so is printed as a list of records, one field a line.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Width of output that goes to a file or a pipe when COLUMNS does not say.
PIPE_WIDTH = 130
# Text cells longer than this are cut (with "…") in a table; -f csv/json or -o keep them whole.
MAX_TEXT = 60
# A text column is never squeezed narrower than this to fit the terminal.
MIN_TEXT = 12
ELLIPSIS = "…"
# Integer columns named so hold labels, not amounts: 2024, not 2,024.
_LABEL = re.compile(r"(^|_)(year|month|id|rank|version)$", re.IGNORECASE)


def make_console(stderr: bool = False) -> Console:
    """Return a console as wide as ``COLUMNS``, else the terminal, else ``PIPE_WIDTH``."""
    probe = Console(stderr=stderr)
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    else:
        width = None if probe.is_terminal else PIPE_WIDTH
    return Console(stderr=stderr, width=width)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def is_label(column: str) -> bool:
    """Whether a column's integers are labels (years, ids), written without grouping."""
    return bool(_LABEL.search(column))


def format_value(value: Any, group: bool = True) -> str:
    """Write one value as a person reads it: numbers grouped, floats to six significant digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}" if group else str(value)
    if isinstance(value, float | Decimal):
        number = float(value)
        if not math.isfinite(number):
            return str(number)
        if number != 0 and (abs(number) >= 1e15 or abs(number) < 1e-4):
            return f"{number:.4g}"
        digits = len(str(int(abs(number)))) if abs(number) >= 1 else 1
        text = f"{number:,.{max(0, min(4, 6 - digits))}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


@dataclass
class Fitted:
    """How a table was fitted: as records, or with these text columns cut to this width."""

    as_records: bool
    cut: dict[str, int]

    def note(self) -> str:
        """Say what was cut, for the footer; empty when nothing was."""
        if not self.cut:
            return ""
        widths = sorted(set(self.cut.values()))
        at = f"{widths[0]}" if len(widths) == 1 else f"{widths[0]}-{widths[-1]}"
        return f"{', '.join(self.cut)} cut at {at} characters"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split()) if "\n" in text else text
    return text if len(text) <= width else text[: width - 1] + ELLIPSIS


def _whole(column: Sequence[Any]) -> bool:
    """Whether a column is never cut: numbers, dates and times."""
    kinds = (int, float, Decimal, dt.date, dt.time)
    return any(v is not None for v in column) and all(
        v is None or isinstance(v, kinds) for v in column
    )


def fit(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    max_text: int = MAX_TEXT,
) -> tuple[Table | None, Fitted]:
    """Return a table of ``rows`` that fits the console, or None when it must be records.

    Numbers, dates and times keep their whole width; text columns share what is left, each cut
    no narrower than ``MIN_TEXT`` (or its header).
    """
    by_column = list(zip(*rows, strict=True)) or [()] * len(columns)
    whole = [_whole(col) for col in by_column]
    numeric = [
        w and all(v is None or is_number(v) for v in col)
        for w, col in zip(whole, by_column, strict=True)
    ]
    groups = [not is_label(c) for c in columns]
    cells = [[format_value(v, g) for v, g in zip(row, groups, strict=True)] for row in rows]
    natural = [
        max([len(name)] + [len(line) for row in cells for line in row[i].splitlines() or [""]])
        for i, name in enumerate(columns)
    ]
    widths = [
        n if whole[i] else min(n, max(max_text, len(columns[i]))) for i, n in enumerate(natural)
    ]
    # A rich table's frame: "│ " before each column, " │" after the last.
    frame = 3 * len(columns) + 1
    while sum(widths) + frame > console.width:
        text = [
            i
            for i in range(len(widths))
            if not whole[i] and widths[i] > max(MIN_TEXT, len(columns[i]))
        ]
        if not text:
            return None, Fitted(True, {})
        widest = max(text, key=lambda i: widths[i])
        widths[widest] -= 1
    table = Table()
    for i, name in enumerate(columns):
        table.add_column(
            name,
            justify="right" if numeric[i] else "left",
            no_wrap=True,
            min_width=widths[i],
            max_width=widths[i],
        )
    cut: dict[str, int] = {}
    for row in cells:
        shown = []
        for i, cell in enumerate(row):
            if len(cell) > widths[i] or "\n" in cell:
                if len(cell) > widths[i]:
                    cut[columns[i]] = widths[i]
                cell = _cut(cell, widths[i])
            shown.append(Text(cell))
        table.add_row(*shown)
    return table, Fitted(False, cut)


def records(columns: Sequence[str], rows: Sequence[Sequence[Any]], start: int = 1) -> Table:
    """Return rows as a list of records: a header line per row, then one field a line."""
    grid = Table.grid(padding=(0, 1))
    label = max(len(c) for c in columns)
    grid.add_column(min_width=label, style="bold")
    grid.add_column(overflow="fold")
    for n, row in enumerate(rows, start):
        grid.add_row(Text(f"-[ row {n} ]", style="dim"), "")
        for name, value in zip(columns, row, strict=True):
            grid.add_row(name, Text(format_value(value, not is_label(name))))
    return grid
