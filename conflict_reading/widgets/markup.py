"""Small pieces of HTML the lesson widgets share: a frame around text, a label after a mark,
a feedback box, and a paragraph's English translation under it.

>>> frame_html("Koalisi").startswith('<div class="cr-highlight"')
True
>>> 'class="cr-number-label"' in label_html("count", "#0072B2")
True
>>> english_line_html(["The coalition met."], 1).endswith("EN (¶1): The coalition met.</div>")
True
>>> english_line_html(["The coalition met."], 2)
''
"""

from __future__ import annotations

import html
import re

from ..feedback import Feedback
from ..presenter import highlight_font_size
from .colours import GREY, text_colour_on


def label_html(label: str, colour: str) -> str:
    """A small coloured label (e.g. the kind of a number) to follow a marked span: colour is never
    the only signal."""
    return (
        f'<span class="cr-number-label" style="background:{colour};color:{text_colour_on(colour)};'
        f'font-weight:bold;font-size:.75em;border-radius:3px;padding:0 .3em;margin-left:.15em;'
        f'vertical-align:.15em;white-space:nowrap">{html.escape(label)}</span>'
    )


def frame_html(body: str) -> str:
    """``body`` (HTML) in a white, bordered box at the highlight font size (larger in presenter mode)."""
    return (f'<div class="cr-highlight" style="background:#fff;color:#111;font-size:{highlight_font_size()};'
            f'line-height:1.8;max-width:60em;padding:.4em .6em;border:1px solid #ddd">{body}</div>')


def feedback_html(feedback: Feedback) -> str:
    """Feedback's box, with ``*word*`` shown as emphasis."""
    return re.sub(r"\*(\w+)\*", r"<em>\1</em>", feedback._repr_html_())


def english_line_html(english: list[str] | None, paragraph: int | None) -> str:
    """The English translation of ``paragraph`` (counted from 1) as a grey line, or "" if there is none."""
    if not english or not paragraph or paragraph > len(english):
        return ""
    return (f'<div style="color:{GREY};font-style:italic;margin-top:.3em">EN (¶{paragraph}): '
            f"{html.escape(english[paragraph - 1])}</div>")
