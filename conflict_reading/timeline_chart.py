"""The events an article dates, on a timeline: one dot per dated expression, earliest at the top.

Lesson 05 draws the table of :func:`conflict_reading.story.timeline` in one line::

    timeline_chart(events, article)

A dot is grey and round for an expression in the reporter's own words, orange and square for one in
a speaker's words.  When the article's own days are lost among years of history (a coalition founded
seven years before), a second panel zooms on the ten days around the article's date.  Expressions the
text gives no date (*baru-baru ini*, recently) are listed under the chart, with whose words they are.

>>> import pandas as pd
>>> events = pd.DataFrame({
...     "date": ["2014", "2021-06-27", None], "when": pd.to_datetime(["2014-01-01", "2021-06-27", None]),
...     "expression": ["berusia tujuh tahun", "tadi malam", "baru-baru ini"], "paragraph": [4, 14, 15],
...     "voice": ["reporter", "Antony Blinken", "Antony Blinken"],
...     "how": ["7 years before", "1 day before", "'recently': the text gives no date"]})
>>> figure = timeline_figure(events, day="2021-06-28")
>>> [ax.get_title() for ax in figure.axes]
['All the dated events', "Zoom: the days around the article's date"]
>>> print(undated_lines(events)[0])
Not on the timeline: ¶15 'baru-baru ini' (Antony Blinken): 'recently': the text gives no date
"""

from __future__ import annotations

import pandas as pd

REPORTER = "reporter"
ZOOM_DAYS = 10  # the zoom panel shows the events this many days either side of the article's date
REPORTER_STYLE = {"marker": "o", "color": "#BBBBBB"}  # grey circle: the reporter's own words
SPEAKER_STYLE = {"marker": "s", "color": "#E69F00"}  # orange square: a speaker's words (colour-blind safe)


def _dated(events: pd.DataFrame) -> pd.DataFrame:
    return events.dropna(subset=["when"]).reset_index(drop=True)


def undated_lines(events: pd.DataFrame) -> list[str]:
    """One line per event the text gives no date: its paragraph, words, whose words, and why."""
    undated = events[events["when"].isna()]
    return [f"Not on the timeline: ¶{row.paragraph} {row.expression!r} ({row.voice}): {row.how}"
            for row in undated.itertuples()]


def timeline_figure(events: pd.DataFrame, day=None, title: str | None = None):
    """The dated events of ``events`` (a :func:`~conflict_reading.story.timeline` table) as a Figure, or
    None when none is dated.  ``day``: the article's date (text or date), for the zoom panel."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dated = _dated(events)
    if dated.empty:
        return None
    day = pd.Timestamp(day) if day else dated["when"].max()
    close = dated[(dated["when"] - day).abs() <= pd.Timedelta(days=ZOOM_DAYS)]
    panels = [("All the dated events", dated, mdates.AutoDateLocator(), None)]
    if 0 < len(close) < len(dated):
        panels.append(("Zoom: the days around the article's date", close, mdates.DayLocator(),
                       mdates.DateFormatter("%d %b %Y")))
    heights = [max(2.5, 0.45 * len(rows) + 1.2) for _, rows, _, _ in panels]
    figure, axes = plt.subplots(len(panels), 1, figsize=(12, sum(heights) + 0.8), squeeze=False,
                                gridspec_kw={"height_ratios": heights})
    for ax, (name, rows, locator, formatter) in zip(axes[:, 0], panels):
        rows = rows.iloc[::-1]  # earliest at the top
        for y, row in enumerate(rows.itertuples()):
            style = REPORTER_STYLE if row.voice == REPORTER else SPEAKER_STYLE
            ax.scatter(row.when, y, s=130, zorder=3, edgecolors="black", **style)
            ax.annotate(f"  {row.date}", (row.when, y), va="center", fontsize=11)
        ax.set_yticks(range(len(rows)), [f"¶{row.paragraph} {row.expression}" for row in rows.itertuples()])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(formatter or mdates.AutoDateFormatter(locator))
        ax.margins(x=0.15)
        ax.grid(axis="x", linestyle=":")
        ax.set_title(name)
    first = axes[0, 0]
    first.scatter([], [], edgecolors="black", label="in the reporter's words", **REPORTER_STYLE)
    first.scatter([], [], edgecolors="black", label="in a speaker's words", **SPEAKER_STYLE)
    first.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=11)
    if title:
        figure.suptitle(title, fontsize=15)
    figure.tight_layout()
    return figure


def timeline_chart(events: pd.DataFrame, article=None) -> None:
    """Draw the timeline of ``events`` and list the events the text gives no date.

    ``article``: the :class:`~conflict_reading.Article` the events come from (its name titles the chart,
    its ``event_date`` places the zoom panel).
    """
    import matplotlib.pyplot as plt

    from .story import article_date

    day = article_date(article) if article is not None else None
    name = getattr(article, "name", None)
    figure = timeline_figure(events, day, f"Events dated in {name}" if name else None)
    if figure is None:
        print("The kit cannot place any of this article's events on a timeline.")
    else:
        plt.show()
    for line in undated_lines(events):
        print(line)
