"""Helpers the widget tests share: step a widget to an item, read HTML as plain words."""

import re


def go_to(widget, index):
    """Press Next or Previous until ``widget`` shows item ``index`` (and check it got there)."""
    while widget.index < index:
        widget.next_button.click()
    while widget.index > index:
        widget.prev_button.click()
    assert widget.index == index


def plain(markup):
    """The words of an HTML fragment, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))
