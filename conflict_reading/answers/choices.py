"""Which option a learner's answer to a multiple-choice question picks.

An option is picked by its letter ("b", "B)", "(b)", "option b"), by its text (any case, with or without
the full stop), by one of its aliases (an exercise's ``option_aliases``: short names like "partial quote"),
or by words that belong to that option only ("both" picks "Both: the United States' airstrikes and …").

>>> options = ["direct", "partial", "scare"]
>>> aliases = [["direct quote"], ["partial quote", "a partial quotation"], ["scare quotes"]]
>>> pick_option("b", options).index, pick_option("Partial quote.", options, aliases).index
(1, 1)
>>> pick_option("indirect speech", options, aliases).reason
'That is not one of the options: copy one of them, or give its letter (a, b or c).'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import content_words, normalize_text, same_text, same_word, strip_frame

MAX_CHARS = 2_000  # a longer answer is no option (the longest option of the kit is about 350 characters)
_LETTER = re.compile(r"^(\(?)([a-z])(\)?)(?:([.):])\s*|\s+(?=\S)|$)(.*)$", re.IGNORECASE | re.DOTALL)
_OPTION_WORD = re.compile(r"^(?:option|choice|pilihan|opsi|jawaban|answer)\s+", re.IGNORECASE)


@dataclass
class Pick:
    index: int | None  # the option picked (0 = a), or None
    reason: str = ""  # why none was picked, in words for the learner


def letters(count: int, indices=None, last: str = "or") -> str:
    """ "a, b or c" for three options; with ``indices``, those options' letters.

    >>> letters(3), letters(4, [0, 2], "and")
    ('a, b or c', 'a and c')
    """
    names = [chr(ord("a") + n) for n in (range(count) if indices is None else indices)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {last} " + names[-1]


def _not_an_option(count: int) -> str:
    return f"That is not one of the options: copy one of them, or give its letter ({letters(count)})."


def _by_text(text: str, forms: list[list[str]]) -> int | None:
    matches = {n for n, names in enumerate(forms) for name in names if same_text(text, name)}
    return matches.pop() if len(matches) == 1 else None


def _by_words(text: str, forms: list[list[str]], question: str = "") -> list[int]:
    """The options whose words hold every content word of ``text``; words of the ``question`` that are in
    no option ("It is written in Indonesian" for "In which language is the article written?") do not count."""
    option_words = [{w for name in names for w in normalize_text(name).split()} for names in forms]
    asked = {w for w in normalize_text(question).split()
             if not any(same_word(w, o) for words in option_words for o in words)}
    given = [g for g in content_words(text) if g not in asked]
    if not given:
        return []
    return [n for n, words in enumerate(option_words) if all(any(same_word(g, w) for w in words) for g in given)]


def pick_option(answer, options, aliases=(), accept: dict | None = None, question: str = "") -> Pick:
    """The option ``answer`` picks, or why it picks none.

    ``aliases`` runs parallel to ``options`` (a list of other names for each); ``accept`` maps an option's
    index to more right forms of it (an exercise's ``accept`` list, for the key's option); ``question``'s
    words may be repeated in an answer.

    >>> pick_option("It is written in Indonesian", ["Indonesian", "Malay"], question="Which language is it written in?").index
    0
    """
    count = len(options)
    if not isinstance(answer, str) or not count or len(answer) > MAX_CHARS:
        return Pick(None, _not_an_option(count))
    forms = [[str(option), *(aliases[n] if n < len(aliases) else ())] for n, option in enumerate(options)]
    for n, more in (accept or {}).items():
        forms[n].extend(str(m) for m in more)
    text = strip_frame(answer)
    text = _OPTION_WORD.sub("", text).strip()
    found = _by_text(text, forms)
    if found is not None:
        return Pick(found)
    letter = _LETTER.match(text)
    if letter and ord(letter.group(2).lower()) - ord("a") < count:
        index = ord(letter.group(2).lower()) - ord("a")
        marked = bool(letter.group(1) or letter.group(3) or letter.group(4))  # "b)", "(b)", "b." - not "a word"
        rest = strip_frame(letter.group(5).strip())
        if not rest:
            return Pick(index)
        rest_fits = [_by_text(rest, forms)] if _by_text(rest, forms) is not None else _by_words(rest, forms, question)
        if index in rest_fits or (marked and not rest_fits):
            return Pick(index)
        if marked:
            return Pick(None, f"Your letter ({letter.group(2).lower()}) and your words point to different options: "
                              "which one do you mean?")
    fits = _by_words(text, forms, question)
    if len(fits) == 1:
        return Pick(fits[0])
    if len(fits) > 1:
        return Pick(None, f"Your answer fits options {letters(count, fits, 'and')}: say which one, by its letter "
                          "or its words.")
    return Pick(None, _not_an_option(count))
