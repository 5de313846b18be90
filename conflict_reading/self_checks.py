"""Self-checks for open writing: the learner ticks what their answer does, from a list of what a good
answer does, and is told kindly what a good answer also does.  No answer is judged: the learner is.

The lists are data, in ``data/self-checks.toml`` (one table per key: ``title`` and ``items``, see the
comments there).  The ticks are saved in the learner's progress (a ``self-check`` line in the journal,
see :mod:`conflict_reading.progress`) and handed in with ``progress(export=...)``.

:func:`self_check` is the plain-text route; :class:`conflict_reading.widgets.self_check.SelfCheck` the
widget.

>>> print(summary(["quotes the text", "names a voice", "asks a question"], [1]))
You ticked 1 of 3. A good answer also:
  – names a voice
  – asks a question
Add what fits to your answer, then tick it here.
>>> self_check("05-reflection", [1, 3]).saved
True
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass

from .errors import KitError
from .paths import data_dir
from .progress import ProgressError, ProgressStore, why

SELF_CHECKS_FILE = "self-checks.toml"


@dataclass(frozen=True)
class GoodAnswer:
    """What a good answer to the writing ``key`` does: ``items``, each a phrase ("says whose voices …")."""

    key: str
    title: str
    items: tuple[str, ...]


def good_answers() -> dict[str, GoodAnswer]:
    """Every self-check list in ``data/self-checks.toml``, by key; a broken file is one KitError line."""
    path = data_dir() / SELF_CHECKS_FILE
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KitError(f"The self-check lists in {path.name} cannot be read ({error}): ask your instructor.") from None
    answers = {}
    for key, table in tables.items():
        items = table.get("items") if isinstance(table, dict) else None
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            raise KitError(f"The self-check [{key}] in {path.name} needs items = [\"…\", …]: ask your instructor.")
        title = table.get("title") if isinstance(table.get("title"), str) else "Your answer"
        answers[key] = GoodAnswer(key, title, tuple(item.strip() for item in items))
    return answers


def good_answer(key) -> GoodAnswer:
    """The self-check list for ``key``; KitError (one line, naming the keys there are) if there is none."""
    answers = good_answers()
    if isinstance(key, str) and key in answers:
        return answers[key]
    known = ", ".join(f'"{k}"' for k in answers) or "none yet"
    raise KitError(f"There is no self-check called {str(key)[:60]!r}: the self-checks are {known}.")


def ticked_now(record: dict | None, items: tuple[str, ...]) -> list[int]:
    """The numbers (from 1) of ``items`` a saved record ticks: found by their words, so a list that
    was reordered keeps its ticks; by number if the words changed.

    >>> ticked_now({"ticked": [2], "items": ["b"]}, ("new first", "a", "b"))
    [3]
    >>> ticked_now({"ticked": [2, 9], "items": ["b, reworded", "gone"]}, ("a", "b"))
    [2]
    """
    if not record:
        return []
    texts = record.get("items") or []
    by_words = [n for n, item in enumerate(items, start=1) if item in texts]
    if texts and len(by_words) == len(texts):
        return by_words
    return [n for n in record.get("ticked", []) if 1 <= n <= len(items)]


def summary(items, ticked) -> str:
    """What the learner is told after ticking: how many, and (kindly) what a good answer also does."""
    missing = [item for n, item in enumerate(items, start=1) if n not in set(ticked)]
    if not missing:
        return (f"You ticked all {len(items)}. Your answer does what a good answer does: read it once more, "
                "and make each point as clear as you can.")
    also = "\n".join(f"  – {item}" for item in missing)
    if len(missing) == len(items):
        return (f"You ticked 0 of {len(items)}. A good answer:\n{also}\n"
                "Pick one or two to add to your answer first, then tick them here.")
    return (f"You ticked {len(items) - len(missing)} of {len(items)}. A good answer also:\n{also}\n"
            "Add what fits to your answer, then tick it here.")


def numbered(items, ticked) -> str:
    """The list as text, ``[x]`` before what is ticked."""
    return "\n".join(f"  [{'x' if n in set(ticked) else ' '}] {n}. {item}" for n, item in enumerate(items, start=1))


@dataclass
class SelfCheckNote:
    """What :func:`self_check` says back: the list, or the summary after a save."""

    message: str
    saved: bool = False

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        return f'<pre class="cr-self-check-note" style="white-space:pre-wrap">{html.escape(self.message)}</pre>'


def _tick_numbers(ticks, count: int) -> list[int] | None:
    """Item numbers from ``[1, 3]``, ``3`` or ``"1, 3"``; None if they are not numbers from 1 to ``count``."""
    if isinstance(ticks, str):
        parts = re.split(r"[\s,;]+", ticks.strip()) if ticks.strip() else []
        if not all(part.isdigit() for part in parts):
            return None
        ticks = [int(part) for part in parts]
    elif type(ticks) is int:
        ticks = [ticks]
    elif isinstance(ticks, (list, tuple, set, frozenset)):
        ticks = list(ticks)
    else:
        return None
    if not all(type(n) is int and 1 <= n <= count for n in ticks):
        return None
    return sorted(set(ticks))


def self_check(key: str, ticked=None) -> SelfCheckNote:
    """The self-check of your writing ``key``, as text: ``self_check(key)`` shows what a good answer does
    (and what you ticked before); ``self_check(key, [1, 3])`` ticks items 1 and 3 and saves that in your
    progress (a later call replaces it: ``[]`` unticks all).
    """
    try:
        answer = good_answer(key)
    except KitError as error:
        return SelfCheckNote(str(error))
    store = ProgressStore()
    example = f'self_check("{key}", [1, 3])'
    if ticked is None:
        try:
            saved = ticked_now(store.self_check(key), answer.items)
        except (OSError, ProgressError) as error:
            problem = str(error) if isinstance(error, ProgressError) else f"Your progress could not be read: {why(error)}."
            saved, told = [], f"\n⚠ {problem}"
        else:
            told = "".join(f"\n⚠ {notice}" for notice in store.take_notices())
        then = f"\nYou ticked {len(saved)} of {len(answer.items)} when you last saved." if saved else ""
        return SelfCheckNote(
            f"{answer.title}: what does your answer do? A good answer:\n{numbered(answer.items, saved)}\n"
            f"Tick what yours does by number, e.g. {example}.{then}{told}")
    numbers = _tick_numbers(ticked, len(answer.items))
    if numbers is None:
        return SelfCheckNote(f"Tick items by their numbers, 1 to {len(answer.items)}, in square brackets: {example}. "
                             "Nothing was saved.")
    try:
        store.save_self_check(key, numbers, [answer.items[n - 1] for n in numbers])
    except (OSError, ProgressError) as error:
        reason = str(error) if isinstance(error, ProgressError) else f"Could not save ({why(error)})."
        return SelfCheckNote(f"{reason} Your ticks are not saved.\n{summary(answer.items, numbers)}")
    told = "".join(f"\n⚠ {notice}" for notice in store.take_notices())
    return SelfCheckNote(f"Saved your ticks.\n{numbered(answer.items, numbers)}\n{summary(answer.items, numbers)}{told}",
                         saved=True)
