"""The highlighted spans that fall in one paragraph, found without scanning them all.

The highlight widgets paint spans that are sorted and never overlap (each one
starts at or after the end of the one before), so their ends are sorted too: a
binary search finds the first span that ends inside a paragraph, and a walk
stops at the first span that starts after it.  A long report costs time in
proportion to its spans, not to its paragraphs times its spans.

>>> spans = [(0, 4, "a"), (6, 9, "b"), (12, 20, "c")]
>>> ends = [end for _start, end, *_rest in spans]
>>> [span[2] for span in spans_within(spans, ends, 5, 14)]
['b', 'c']

The three highlight views (quotes, numbers, places) share the rest of the
mechanism too: :func:`disjoint_spans` trims overlapping rows so that no
character is painted twice, :func:`paragraphs_html` walks the paragraphs and
lets each view paint its own spans, and :class:`Highlighted` shows the HTML in
a notebook and the numbered list as text.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable

import pandas as pd

from .colours import GREY, is_missing


def spans_within(spans: list[tuple], ends: list[int], start: int, end: int) -> list[tuple]:
    """The spans ``(span_start, span_end, ...)`` that share a character with ``[start, end)``, in order.

    ``spans`` must be sorted and disjoint, and ``ends`` their ends (so sorted as well).
    """
    found = []
    for index in range(bisect_right(ends, start), len(spans)):
        span = spans[index]
        if span[0] >= end:
            break
        found.append(span)
    return found


def table_records(table, whole_numbers: tuple[str, ...] = ("start", "end")) -> list[dict]:
    """The rows of a table (a DataFrame or a list of dicts) as dicts, missing values as None, the
    ``whole_numbers`` columns as int, rows without a position in the text left out, sorted by ``start``.

    >>> table_records([{"start": 4.0, "end": 9.0, "speaker": float("nan")}, {"start": None, "end": 3}])
    [{'start': 4, 'end': 9, 'speaker': None}]
    """
    if table is None:
        return []
    rows = table.to_dict("records") if isinstance(table, pd.DataFrame) else [dict(r) for r in table]
    records = []
    for row in rows:
        clean = {key: (None if is_missing(value) else value) for key, value in row.items()}
        for key in whole_numbers:
            if clean.get(key) is not None:
                clean[key] = int(clean[key])
        if clean.get("start") is None or clean.get("end") is None:
            continue  # no position in the text: nothing to show
        records.append(clean)
    return sorted(records, key=lambda r: r["start"])



def position_records(table) -> list[dict]:
    """The rows of a table (see :func:`table_records`), ``paragraph`` and whole ``value`` as int,
    sorted by ``start`` and then ``end``: the answer key of a highlight, a hunt or a sorter.

    >>> position_records([{"start": 4, "end": 9, "value": 77.0}, {"start": 4, "end": 6, "paragraph": 2.0}])
    [{'start': 4, 'end': 6, 'paragraph': 2}, {'start': 4, 'end': 9, 'value': 77}]
    """
    records = table_records(table, ("start", "end", "paragraph"))
    for record in records:
        value = record.get("value")
        if isinstance(value, float) and value.is_integer():
            record["value"] = int(value)
    return sorted(records, key=lambda r: (r["start"], r["end"]))

class Highlighted:
    """An article with spans highlighted: ``html`` in a notebook, ``text`` (a numbered list) elsewhere."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def disjoint_spans(text: str, records: list[dict], bounds: Callable[[dict], tuple[int, int]] | None = None
                   ) -> list[tuple[int, int, int, dict]]:
    """``(start, end, number, record)`` for each row sorted by start, ``number`` counting rows from 1;
    a row that overlaps the one before is cut to start after it, or left out if nothing is left.

    >>> [span[:3] for span in disjoint_spans("abcdefgh", [{"start": 0, "end": 4}, {"start": 2, "end": 6},
    ...                                                   {"start": 3, "end": 4}])]
    [(0, 4, 1), (4, 6, 2)]
    """
    spans, last_end = [], 0
    for number, record in enumerate(records, start=1):
        start, end = bounds(record) if bounds else (record["start"], record["end"])
        start, end = max(start, last_end), min(end, len(text))
        if start >= end:
            continue  # overlapping rows: never paint a character twice
        spans.append((start, end, number, record))
        last_end = end
    return spans


def paragraphs_html(article, spans: list[tuple], paint: Callable[[tuple, object], tuple[int, int, str]]) -> str:
    """The article's paragraphs as HTML, each headed ¶n, with every span painted by ``paint``.

    ``paint(span, paragraph_row)`` gives ``(from, to, markup)``: the markup replaces the
    article's text from ``from`` to ``to``; the text around the spans is escaped.
    """
    text = article.text
    ends = [span[1] for span in spans]
    paragraphs = []
    for row in article.paragraphs.itertuples(index=False):
        pos, parts = row.start, []
        for span in spans_within(spans, ends, row.start, row.end):
            a, b, markup = paint(span, row)
            parts.append(html.escape(text[pos:a]))
            parts.append(markup)
            pos = b
        parts.append(html.escape(text[pos:row.end]))
        paragraphs.append(
            f'<p style="margin:.45em 0"><span style="color:{GREY};font-weight:bold;margin-right:.4em">'
            f"¶{row.paragraph}</span>{''.join(parts)}</p>"
        )
    return "".join(paragraphs)
