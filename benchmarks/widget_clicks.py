"""Widget feedback latency: from a (simulated) click on Check to the feedback shown, in ms.

    .venv/bin/python benchmarks/widget_clicks.py [--clicks N]

In-process, no front end: each widget of the lessons is built on the seed
article with the engine's tables, an answer is set, the feedback box is
emptied, and ``check_button.click()`` runs the Check handler (what a click in
JupyterLab triggers in the kernel).  The time runs from the click until the
feedback box's value changes (observed with traitlets: that is when the
kernel sends the feedback to the browser); if it never changes the run stops
with an error (a click that shows nothing is not fast, it is broken).
Setting the answer and moving between items are not timed.  Each click moves
to the next item (quotation, sentence, number, place), so the median covers
them all; one untimed click first warms each widget.

Two clicks per kind are special:

- ``placespotter_map``: every click finds a place, or loses it, so the map
  beside the spotter is redrawn each time.  The feedback is shown before the
  map is drawn; ``placespotter_map_redraw`` times the click to the map drawn,
  rendered to PNG as a notebook's inline backend would (at most ``MAP_CLICKS``
  clicks: each takes about a second).
- ``ask``: one ``ask(...)`` box per exercise, each click checks (and saves to a
  temporary progress file) a right or a wrong answer.

The round-trip between browser and kernel (the comm message, a few ms on a
local JupyterLab) is not included.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

MAP_CLICKS = 10  # a map redraw takes about a second on a busy 2-core machine: fewer clicks for it
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _seed_tables():
    from conflict_reading import load_article
    from conflict_reading.numbers import find_numbers
    from conflict_reading.places import find_places
    from conflict_reading.quotes import find_quotes

    article = load_article()
    return article, find_quotes(article), find_numbers(article), find_places(article)


def _cycle(widget, i: int) -> None:
    """Go to item ``i`` (modulo the item count) with the Previous/Next buttons, untimed."""
    target = i % len(widget.items)
    while widget.index < target:
        widget.next_button.click()
    while widget.index > target:
        widget.prev_button.click()


def _word_marker(widget, i: int) -> None:
    """Mark one word of the current sentence (a different word each click), nothing else."""
    _cycle(widget, i)
    for button in widget.word_buttons:
        button.value = False
    widget.word_buttons[(i // len(widget.items)) % len(widget.word_buttons)].value = True


def drivers() -> dict:
    """Widget kind → (build(), prepare(widget, i)): prepare sets an answer before click number ``i``."""
    from conflict_reading.exercises import all_exercises
    from conflict_reading.widgets import (KindSorter, NumberHunt, PlaceSpotter, QuoteWalkthrough, RoleSorter,
                                          VerbSpotter, ask)
    from conflict_reading.widgets.places import ROLES

    article, quotes, numbers, places = _seed_tables()
    exercises = list(all_exercises().values())

    def choose(buttons, i: int, values=None) -> None:
        values = list(values or buttons.options)
        buttons.value = values[i % len(values)]

    def quote_walk(w, i):
        _cycle(w, i)
        choose(w.speaker_menu, i)
        choose(w.kind_buttons, i // len(w.items))

    def verb(w, i):
        _cycle(w, i)
        w.verb_input.value = ("kata", "tegas", "bilang")[i % 3]

    def hunt(w, i):
        _word_marker(w, i)
        for box in w.value_inputs:
            box.value = str(i)

    def kind_sort(w, i):
        _cycle(w, i)
        choose(w.kind_buttons, i // len(w.items))

    def role_sort(w, i):
        _cycle(w, i)
        choose(w.role_buttons, i // len(w.items), ROLES)

    def spotter_map(w, i):  # one sentence with a place: mark it, then not, so the places found change each click
        first = next(k for k, item in enumerate(w.items) if item["places"])
        _cycle(w, first)
        for button in w.word_buttons:
            button.value = False
        if i % 2 == 0:
            w.mark(w.items[first]["places"][0]["text"])

    def exercise_box(boxes, i):
        box = boxes[i % len(boxes)]
        exercise = box.exercise
        if exercise.kind == "choice":
            choose(box.answer_input, i // len(boxes))
        elif i // len(boxes) % 2:
            box.answer_input.value = "certainly wrong"
        else:
            key = exercise.key_answer()
            box.answer_input.value = "\n".join(map(str, key)) if isinstance(key, list) else str(key)
        return box

    return {
        "ask": (lambda: [ask(e.id) for e in exercises], exercise_box),
        "quotewalkthrough": (lambda: QuoteWalkthrough(article, quotes), quote_walk),
        "verbspotter": (lambda: VerbSpotter(article, quotes), verb),
        "numberhunt": (lambda: NumberHunt(article, numbers), hunt),
        "kindsorter": (lambda: KindSorter(article, numbers), kind_sort),
        "placespotter": (lambda: PlaceSpotter(article, places), _word_marker),
        "placespotter_map": (lambda: PlaceSpotter(article, places), spotter_map),
        "rolesorter": (lambda: RoleSorter(article, places), role_sort),
    }


def _inline_display(*objects, **kwargs) -> None:
    """Stand-in for IPython's display outside a kernel: render figures to PNG, as the inline backend does."""
    from matplotlib.figure import Figure

    for shown in objects:
        if isinstance(shown, Figure):
            shown.savefig(io.BytesIO(), format="png", bbox_inches="tight")


def click_times(build, prepare, clicks: int) -> tuple[list[float], list[float]]:
    """For ``clicks`` clicks on Check (after one untimed): ms to the feedback shown, and ms to the handler's end.

    The feedback time is taken when the feedback box's value changes (a traitlets
    observer): that is when the kernel sends the new feedback to the browser.  A
    handler may go on after it (the place spotter redraws its map).
    """
    built = build()
    gc.collect()  # garbage of the widgets timed before (map figures) is not this widget's cost
    feedback_times, handler_times = [], []
    for i in range(clicks + 1):
        widget = prepare(built, i) or built  # ask's prepare returns the box it picked
        widget.feedback.value = ""
        shown = []
        observer = lambda change: shown.append(time.perf_counter())  # noqa: E731
        widget.feedback.observe(observer, names="value")
        started = time.perf_counter()
        widget.check_button.click()
        finished = time.perf_counter()
        widget.feedback.unobserve(observer, names="value")
        if not shown or not widget.feedback.value:
            raise RuntimeError(f"{type(widget).__name__}: no feedback after a click on Check")
        if i:
            feedback_times.append((shown[0] - started) * 1000)
            handler_times.append((finished - started) * 1000)
    return feedback_times, handler_times


def measure(clicks: int = 50) -> dict:
    """``widget_<kind>_median_ms`` per widget kind (click to feedback), ``widget_feedback_median_ms`` over all
    their clicks, and ``widget_placespotter_map_redraw_median_ms`` (click to the map redrawn)."""
    import IPython.display
    import matplotlib

    matplotlib.use("Agg")  # this process only: never MPLBACKEND, which notebook kernels would inherit
    os.environ["CONFLICT_READING_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    figures, every = {}, []
    original = IPython.display.display
    IPython.display.display = _inline_display
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for kind, (build, prepare) in drivers().items():
                count = min(clicks, MAP_CLICKS) if kind == "placespotter_map" else clicks
                feedback_times, handler_times = click_times(build, prepare, count)
                figures[f"widget_{kind}_median_ms"] = statistics.median(feedback_times)
                if kind == "placespotter_map":
                    figures["widget_placespotter_map_redraw_median_ms"] = statistics.median(handler_times)
                every += feedback_times
    finally:
        IPython.display.display = original
    return {"widget_feedback_median_ms": statistics.median(every), **figures}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=50, help="timed clicks per widget kind (default 50)")
    args = parser.parse_args(argv)
    for key, value in measure(args.clicks).items():
        print(f"{key:40} {value:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
