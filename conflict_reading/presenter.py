"""Presenter mode: bigger text, charts and highlights for a projector.

In a classroom the back row reads the screen from ten metres away.  Presenter
mode makes what the lessons draw bigger:

- matplotlib charts: larger figures and larger text (``rcParams``), for every
  chart drawn after it is turned on;
- the highlighted article (``highlight_quotes``, ``highlight_numbers``,
  ``highlight_places``) and the article views inside the exercise widgets: a
  larger font, for every highlight built after it is turned on;
- ``place_map``: its presenter size, unless told otherwise.

Turn it on in a notebook with ``presenter_mode(True)`` (then re-run the cells
that draw), or for a whole session by starting JupyterLab with the environment
variable ``CONFLICT_READING_PRESENTER=1``.  ``presenter_mode(False)`` puts back
the chart settings it changed, as they were before.

>>> import matplotlib
>>> before = matplotlib.rcParams["font.size"]
>>> presenter_mode(True)
True
>>> matplotlib.rcParams["font.size"] > before, highlight_font_size()
(True, '1.5em')
>>> presenter_mode(False)
False
>>> matplotlib.rcParams["font.size"] == before, highlight_font_size()
(True, '1.05em')
"""

from __future__ import annotations

import os

from .errors import KitError

ENVIRONMENT_VARIABLE = "CONFLICT_READING_PRESENTER"

# Font size of the highlighted article, as CSS: on a laptop, and on a projector.
HIGHLIGHT_FONT_SIZE = "1.05em"
PRESENTER_HIGHLIGHT_FONT_SIZE = "1.5em"

# What presenter mode sets in matplotlib.  Sizes in points: text readable from the
# back of a room on a 1280 x 720 projector; figures 16:9, wide enough for the map.
PRESENTER_RC = {
    "figure.figsize": (12.8, 7.2),
    "figure.dpi": 100,
    "font.size": 16,
    "axes.titlesize": 20,
    "axes.labelsize": 17,
    "xtick.labelsize": 15,
    "ytick.labelsize": 15,
    "legend.fontsize": 15,
    "legend.title_fontsize": 16,
    "figure.titlesize": 22,
    "lines.linewidth": 2.5,
    "lines.markersize": 9,
}

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")

_presenter: bool | None = None  # None: follow the environment variable
_saved_rc: dict | None = None  # the settings presenter mode replaced, to put back


def _as_switch(value, where: str) -> bool:
    """True or False from a bool, 0/1, or words such as "on" and "off"; anything else is a KitError."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise KitError(f"{where} takes True or False (or 1/0, on/off), not {value!r}.")


def _from_environment() -> bool:
    value = os.environ.get(ENVIRONMENT_VARIABLE, "")
    try:
        return _as_switch(value, f"The environment variable {ENVIRONMENT_VARIABLE}")
    except KitError:
        return False  # an unreadable setting leaves the kit as it is by default


def is_presenter() -> bool:
    """Whether presenter mode is on (set in this session, or by the environment variable)."""
    return _presenter if _presenter is not None else _from_environment()


def _apply_rc() -> None:
    global _saved_rc
    import matplotlib

    if _saved_rc is None:
        _saved_rc = {key: matplotlib.rcParams[key] for key in PRESENTER_RC}
    matplotlib.rcParams.update(PRESENTER_RC)


def _restore_rc() -> None:
    global _saved_rc
    if _saved_rc is None:
        return
    import matplotlib

    matplotlib.rcParams.update(_saved_rc)
    _saved_rc = None


def presenter_mode(on=None) -> bool:
    """Turn presenter mode on or off; with no argument, say whether it is on.

    Charts and highlights drawn *after* the switch change size: re-run the
    cells that draw them.

    >>> presenter_mode("maybe")
    Traceback (most recent call last):
    ...
    conflict_reading.errors.KitError: presenter_mode(...) takes True or False (or 1/0, on/off), not 'maybe'.
    """
    global _presenter
    if on is not None:
        _presenter = _as_switch(on, "presenter_mode(...)")
    if is_presenter():
        _apply_rc()
    else:
        _restore_rc()
    return is_presenter()


def highlight_font_size() -> str:
    """The CSS font size of the highlighted article: larger in presenter mode.

    >>> highlight_font_size() in (HIGHLIGHT_FONT_SIZE, PRESENTER_HIGHLIGHT_FONT_SIZE)
    True
    """
    return PRESENTER_HIGHLIGHT_FONT_SIZE if is_presenter() else HIGHLIGHT_FONT_SIZE


if _from_environment():  # CONFLICT_READING_PRESENTER=1: charts are big from the first one
    _apply_rc()
