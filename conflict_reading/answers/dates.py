"""A date in a learner's answer, in any common form, Indonesian or English.

Month and weekday names come from Babel's CLDR data (``babel.dates``), other spellings and the words
around a date from ``lexicons/dates.toml``. Day first is the default (Indonesian and British usage);
a month-first reading (6/27/2021) is taken only when the day-first one is impossible.

>>> [d.iso() for d in read_dates("Sunday night, 27 June 2021").dates]
['2021-06-27']
>>> [d.iso() for d in read_dates("27/06/21").dates], [d.iso() for d in read_dates("June 27th").dates]
(['2021-06-27'], ['--06-27'])
>>> date_verdict("Monday 27 June 2021", "2021-06-27")
'27 June 2021 was a Sunday, not a Monday.'
>>> date_verdict("27 Juni", "2021-06-27", default_year=2021), date_verdict("6/27/2021", "2021-06-27")
('', '')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from ..lexicons import LEXICON_DIR

LOCALES = ("id", "en")
MAX_CHARS = 300  # a date answer longer than this is not read

_TOKEN = re.compile(
    r"(?<!\d)(?P<numeric>\d{1,4}(?:[/.\-]\d{1,4}){1,2})(?!\d)"
    r"|(?<!\d)(?P<number>\d{1,4})(?P<suffix>st|nd|rd|th)?(?![\d])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
)


@dataclass(frozen=True)
class PartialDate:
    """A date as far as it is given: a year, a month, a day, any of them missing (None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """ISO 8601, with ``--`` for a missing year: ``2021-06-27``, ``2019-03``, ``2014``, ``--06-27``."""
        year = f"{self.year:04d}" if self.year is not None else "-"
        parts = [year] + [f"{v:02d}" for v in (self.month, self.day) if v is not None]
        return "-".join(parts)

    def valid(self) -> bool:
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            if self.month is None:
                return 1 <= self.day <= 31
            last = calendar.monthrange(self.year if self.year is not None else 2000, self.month)[1]
            return 1 <= self.day <= last
        return True

    def words(self) -> str:
        """The date in words for a message: "27 June 2021", "June 2021", "27 June"."""
        month = month_name(self.month) if self.month else ""
        return " ".join(str(p) for p in (self.day, month, self.year) if p not in (None, ""))

    def weekday(self) -> int | None:
        if None in (self.year, self.month, self.day) or not self.valid():
            return None
        return dt.date(self.year, self.month, self.day).weekday()


@dataclass
class DateReading:
    """The dates an answer gives, and what else it says about when: weekdays, relative words, a lone day."""

    dates: list = field(default_factory=list)
    weekdays: list = field(default_factory=list)
    relative: bool = False
    day_only: bool = False
    unreadable: str | None = None  # a numeric date that is no date ("32/13")


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    with open(LEXICON_DIR / "dates.toml", "rb") as handle:
        return tomllib.load(handle)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month names, wide and abbreviated, in Indonesian and English (Babel), and other spellings.

    >>> months()["maret"], months()["june"], months()["agu"], months()["sept"]
    (3, 6, 8, 9)
    """
    return _calendar_names(get_month_names, "months")


def _calendar_names(babel_names, lexicon_key: str) -> dict[str, int]:
    """Babel's wide and abbreviated names in each of LOCALES, and the other spellings of lexicons/dates.toml."""
    names = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in babel_names(width, locale=locale).items():
                names[_plain(name).rstrip(".")] = number
    names.update({_plain(k): int(v) for k, v in _lexicon()[lexicon_key].items()})
    return names


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Weekday names (0 = Monday), wide and abbreviated, in Indonesian and English (Babel), and other spellings.

    >>> weekdays()["minggu"], weekdays()["monday"], weekdays()["jum'at"]
    (6, 0, 4)
    """
    return _calendar_names(get_day_names, "weekdays")


def month_name(month: int) -> str:
    """The English name of a month, for messages.

    >>> month_name(6)
    'June'
    """
    return get_month_names("wide", locale="en")[month]


def weekday_name(weekday: int) -> str:
    """The English name of a weekday (0 = Monday), for messages.

    >>> weekday_name(6)
    'Sunday'
    """
    return get_day_names("wide", locale="en")[weekday]


def _full_year(value: int, digits: int) -> int:
    if digits <= 2:  # '21 → 2021, '98 → 1998
        return 2000 + value if value < 70 else 1900 + value
    return value


def _numeric(token: str) -> PartialDate | None:
    """ "27/6", "27/06/21", "27-6-2021", "27.06.2021", "2021-6-27", "2021/06/27", "6/27/2021", "2019-03"."""
    parts = re.split(r"[/.\-]", token)
    values = [int(p) for p in parts]
    if len(parts) == 3:
        if len(parts[0]) == 4:
            orders = [PartialDate(values[0], values[1], values[2])]
        else:
            year = _full_year(values[2], len(parts[2]))
            orders = [PartialDate(year, values[1], values[0]), PartialDate(year, values[0], values[1])]
    elif len(parts[0]) == 4:
        orders = [PartialDate(values[0], values[1])]
    elif len(parts[1]) == 4:
        orders = [PartialDate(values[1], values[0])]
    else:
        orders = [PartialDate(None, values[1], values[0]), PartialDate(None, values[0], values[1])]
    return next((d for d in orders if d.valid()), None)


def read_dates(answer) -> DateReading:
    """Every date an answer gives (a missing year left None), with its weekdays and relative words.

    >>> [d.iso() for d in read_dates("the night of 27 June").dates], read_dates("last Sunday").weekdays
    (['--06-27'], [6])
    >>> [d.iso() for d in read_dates("Maret 2019").dates], [d.iso() for d in read_dates("in 2014").dates]
    (['2019-03'], ['2014'])
    """
    reading = DateReading()
    if type(answer).__name__ == "datetime64":  # NumPy's date: "2021-06-27" or "2021-06-27T00:00:00"
        answer = str(answer)[:10] if str(answer)[:1].isdigit() else ""
    if isinstance(answer, (dt.date, dt.datetime)):
        reading.dates.append(PartialDate(answer.year, answer.month, answer.day))
        return reading
    if not isinstance(answer, str) or len(answer) > MAX_CHARS:
        return reading
    words = _lexicon()["words"]
    skip = frozenset(words["fillers"]) | frozenset(words["times_of_day"])
    relative = frozenset(words["relative"])
    items: list[tuple[str, object]] = []  # ("month", 6), ("number", (27, digits, ordinal)), ("date", d), ("other", w)
    for match in _TOKEN.finditer(_plain(answer)):
        if match.group("numeric"):
            date = _numeric(match.group("numeric"))
            if date is None:
                reading.unreadable = match.group("numeric")
            else:
                items.append(("date", date))
        elif match.group("number"):
            text = match.group("number")
            items.append(("number", (int(text), len(text), bool(match.group("suffix")))))
        else:
            word = match.group("word")
            if word in relative:
                reading.relative = True
            elif word.rstrip(".") in months():
                items.append(("month", months()[word.rstrip(".")]))
            elif word in weekdays():
                reading.weekdays.append(weekdays()[word])
            elif word not in skip:
                items.append(("other", word))
    used: set[int] = set()

    def number_at(index: int, low: int, high: int) -> int | None:
        if 0 <= index < len(items) and index not in used and items[index][0] == "number":
            value, digits, _ordinal = items[index][1]
            if low <= value <= high and (high < 100 or digits == 4):
                used.add(index)
                return value
        return None

    for index, (kind, value) in enumerate(items):
        if kind == "date":
            reading.dates.append(value)
            used.add(index)
        elif kind == "month":
            used.add(index)
            day = number_at(index - 1, 1, 31)
            after = index + 1
            if day is None:
                day = number_at(after, 1, 31)
                after += 1 if day is not None else 0
            year = number_at(after, 1000, 2999)
            other_days = []  # "27 or 28 June", "27 and 28 June": two dates of one month
            if day is not None and index >= 2:
                joined = index - 2 if items[index - 2][0] == "number" else index - 3
                if joined >= 0 and (joined == index - 2 or items[index - 2] in [("other", w) for w in words["or"]]):
                    other_days = [d for d in [number_at(joined, 1, 31)] if d is not None]
            reading.dates.extend(PartialDate(year, value, d) for d in other_days + [day])
    years = [i for i, (kind, value) in enumerate(items)
             if kind == "number" and i not in used and value[1] == 4 and 1000 <= value[0] <= 2999]
    yearless = [i for i, d in enumerate(reading.dates) if d.year is None and d.month is not None]
    if len(years) == 1 and len(yearless) == 1:  # "27 June, in 2021"
        date = reading.dates[yearless[0]]
        reading.dates[yearless[0]] = PartialDate(items[years[0]][1][0], date.month, date.day)
        used.add(years[0])
        years = []
    for index in years:
        reading.dates.append(PartialDate(items[index][1][0]))
        used.add(index)
    distinct = list(dict.fromkeys(reading.dates))
    reading.dates = [d for d in distinct if d.valid()] or distinct
    if not reading.dates:
        reading.day_only = any(kind == "number" and i not in used and 1 <= value[0] <= 31
                               for i, (kind, value) in enumerate(items))
    return reading


def parse_key(value) -> PartialDate | None:
    """An answer key's date: an ISO string ("2021-06-27", "2019-03", "2014", "--06-28") or a date.

    >>> parse_key("2019-03"), parse_key("--06-28").iso()
    (PartialDate(year=2019, month=3, day=None), '--06-28')
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
        return PartialDate(value)
    match = re.fullmatch(r"(\d{4}|-)?(?:-{1,2}(\d{2}))?(?:-(\d{2}))?", str(value).strip())
    if not match or not any(g and g != "-" for g in match.groups()):
        return None
    year, month, day = (int(g) if g and g != "-" else None for g in match.groups())
    date = PartialDate(year, month, day)
    return date if date.valid() else None


def _one_date(answer, default_year: int | None) -> tuple[PartialDate | None, DateReading, bool]:
    """The answer's single date, its year filled from ``default_year`` when missing; (None, …) if not one."""
    reading = read_dates(answer)
    if len(reading.dates) != 1:
        return None, reading, False
    date = reading.dates[0]
    if date.year is None and date.month is not None and default_year is not None:
        return PartialDate(default_year, date.month, date.day), reading, True
    return date, reading, False


def same_date(answer, key, default_year: int | None = None) -> bool:
    """Does ``answer`` give the date ``key`` (to the key's precision)?  A missing year is ``default_year``.

    >>> same_date("27-6-2021", "2021-06-27"), same_date("June 27", "2021-06-27", 2021), same_date("July", "2021-06")
    (True, True, False)
    """
    return date_verdict(answer, key, default_year) == ""


def date_verdict(answer, key, default_year: int | None = None) -> str:
    """Why ``answer`` does not give the date ``key``, in words for the learner ("" when it does).

    >>> date_verdict("last Sunday", "2021-06-27")
    'A day of the week is not a date: which day of which month is it? Write it like 1 January 2021.'
    >>> date_verdict("27 June and 28 June", "2021-06-27", 2021)
    'Your answer has several dates (27 June, 28 June): give just one.'
    """
    expected = parse_key(key)
    if expected is None:  # a key (or a listed wrong answer) written as a date in words: "28 June", "28/6"
        written, _, _ = _one_date(key, default_year)
        if written is None or not written.valid():
            return "This exercise's answer key is not a date: tell your instructor."
        expected = written
    if default_year is None:
        default_year = expected.year
    date, reading, filled = _one_date(answer, default_year)
    if len(reading.dates) > 1:
        listed = ", ".join(d.words() for d in reading.dates[:4]) + (", …" if len(reading.dates) > 4 else "")
        return f"Your answer has several dates ({listed}): give just one."
    if date is None:
        if reading.unreadable:
            return (f"I could not read {reading.unreadable} as a date: write the day first, then the month "
                    "(27/6/2021), or the month's name (27 June 2021).")
        if reading.weekdays:
            return "A day of the week is not a date: which day of which month is it? Write it like 1 January 2021."
        if reading.relative:
            return ("That tells the time from another day (last night, yesterday, kemarin), not the date: work out "
                    "which day and month it is, and write them like 1 January 2021.")
        if reading.day_only:
            return "Which month? Give the month as well as the day, like 1 January 2021."
        return ("I could not find a date in your answer: write the day, the month and the year, like "
                "1 January 2021 or 2021-01-01.")
    if not date.valid():
        return f"There is no {date.words()}: check the day and the month."
    actual = date.weekday()
    wrong_days = [w for w in reading.weekdays if actual is not None and w != actual]
    if wrong_days:
        return f"{date.words()} was a {weekday_name(actual)}, not a {weekday_name(wrong_days[0])}."
    if expected.day is not None and date.day is None:
        return ("Which day? Your answer gives the month but not the day." if date.month is not None
                else "Which day and month? Your answer gives only the year.")
    if expected.month is not None and date.month is None:
        return "Which month? Your answer gives only the year."
    if expected.day is None and date.day is not None:
        return ("The text gives only the month and the year: leave out the day." if expected.month is not None
                else "The text gives only the year: leave out the day and the month.")
    if expected.month is None and date.month is not None:
        return "The text gives only the year: leave out the month."
    same_day = (date.month, date.day) == (expected.month, expected.day)
    if same_day and (expected.year is None or date.year == expected.year):
        return ""
    if same_day and expected.month is not None:
        if filled:
            return (f"The day and month are right; which year? Without a year I read your date in the "
                    f"article's year, {default_year}.")
        return "The day and month are right, but not the year."
    return "That is not the date the text gives."


def date_matches(answer, value, text: str = "") -> bool:
    """Does a typed date mean the ISO date ``value``?  The year is needed only if ``text`` writes one
    (the number hunt: "28/6" in the text is answered by "28 June").

    >>> date_matches("28 June", "2021-06-28", "28/6"), date_matches("28/6/2021", "2021-06-28", "28/6")
    (True, True)
    >>> date_matches("March 2019", "2019-03", "Maret 2019"), date_matches("Maret", "2019-03", "Maret 2019")
    (True, False)
    >>> date_matches("27/6", "2021-06-28", "28/6")
    False
    """
    if not isinstance(answer, str):
        return False
    expected = parse_key(value)
    if expected is None:
        return False
    reading = read_dates(answer)
    if len(reading.dates) != 1:
        return False
    date = reading.dates[0]
    year_needed = expected.year is not None and re.search(r"\d{4}", text or "") is not None
    if date.year is None and (year_needed or date.month is None):
        return False
    return date_verdict(answer, value, expected.year) == ""
