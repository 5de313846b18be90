"""Colours and missing values shared by the lesson widgets.

>>> tint("#000000", 0.5), text_colour_on("#0072B2"), text_colour_on("#F0E442")
('#808080', '#ffffff', '#000000')
"""

from __future__ import annotations

import math

import pandas as pd

GREY = "#595959"  # paragraph numbers and secondary text: 7:1 on white


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def tint(colour: str, amount: float = 0.3) -> str:
    """``colour`` mixed with white: a background that keeps black text readable."""
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in rgb(colour))


def text_colour_on(colour: str) -> str:
    """Black or white, whichever contrasts more with ``colour`` (WCAG relative luminance)."""

    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT
