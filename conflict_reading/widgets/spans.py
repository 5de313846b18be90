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
"""

from __future__ import annotations

from bisect import bisect_right


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
