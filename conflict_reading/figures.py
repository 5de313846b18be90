"""Figures in a news text: whose reading of them to trust, how big they are, how often and by whom they are told.

Lesson 03 (*Numbers*) calls each of these in one line.  Each works on any article, Indonesian or English,
and on any numbers table with the columns of :func:`conflict_reading.numbers.find_numbers` (``text``,
``paragraph``, ``value``, ``unit``, ``kind``, ``start``, ``end``): the engine's, or a person's (a hand
annotation, as :func:`numbers_of` reads it).

- :func:`numbers_of`: the numbers table a lesson checks against: a person's where the kit has one, else the engine's;
- :func:`engine_differences`: where the engine and the person disagree;
- :func:`readings`: every value a written number can reasonably mean (``13,500``: 13.5, or 13 thousand 500?);
- :func:`counts_by_place`: the counts followed by "di <Place>" (two in Syria), paragraph by paragraph, with their total;
- :func:`money_table` and :func:`money_chart`: each amount once, its share of the largest, drawn as a share bar or on a log axis;
- :func:`repeated_figures`: the figures given more than once, each with the sentences that give it;
- :func:`dates_table`: the dates, whether the text writes their year, and the weekday of the value;
- :func:`words_before`: the words just before each number (*hanya*, only; *sekitar*, about);
- :func:`number_sources`: whose voice each number is in: a speaker's quotation, or the reporter's;
- :func:`digits_left_out`: digits in the text that are not in the table (names and codes such as *Covid-19*).

>>> from conflict_reading import Article
>>> article = Article.from_text("Tiga fasilitas – dua di Suriah dan satu di Irak – diserang. Polisi menyita 3 senjata.")
>>> numbers = numbers_of(article)
The numbers table: 4 numbers found by the engine (find_numbers): a program's reading, which can be wrong.
>>> counts_by_place(article, numbers).to_dict("index")
{1: {'Irak': 1, 'Suriah': 2, 'total': 3}}
"""

from __future__ import annotations

import json
import re
import textwrap

import pandas as pd

from .article import Article
from .numbers import find_numbers
from .numerals import number_values
from .paths import annotations_dir
from .quotes import find_quotes

REPORTER = "the reporter (outside quotation marks)"
# A place name right after a count: "dua di Suriah", "satu lainnya di Irak", "two in Syria".
PLACE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:di|in)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
SHOWN_COLUMNS = ["text", "paragraph", "value", "unit", "kind"]


def _annotated(article: Article, part: str) -> list | None:
    """The records of ``part`` ("numbers", "quotes") in ``data/annotations/<article>.json``, or None."""
    path = annotations_dir() / f"{article.name}.json"
    try:
        records = json.loads(path.read_text(encoding="utf-8")).get(part) if path.is_file() else None
    except (OSError, ValueError, AttributeError):
        return None
    return records if isinstance(records, list) else None


def numbers_of(article: Article, say: bool = True) -> pd.DataFrame:
    """The article's numbers: a person's hand annotation where the kit has one, else the engine's table.

    With ``say`` it prints one line saying which it is.  The lesson's widgets and tables check
    learners against this table; it is a reading, not the truth.
    """
    engine = find_numbers(article)
    records = _annotated(article, "numbers")
    if records is None:
        table = engine
        source = "found by the engine (find_numbers): a program's reading, which can be wrong"
    else:
        table = pd.DataFrame(records, columns=engine.columns)
        source = f"marked by a person (data/annotations/{article.name}.json)"
    if say:
        print(f"The numbers table: {len(table)} number{'s' * (len(table) != 1)} {source}.")
    return table


def engine_differences(article: Article) -> pd.DataFrame | None:
    """Where the engine (``find_numbers``) and the hand annotation disagree: place, extent or kind.

    Prints a line when they agree or when the kit has no annotation to compare with (and returns None);
    otherwise returns one row per number only one of them has (``found_by``).
    """
    records = _annotated(article, "numbers")
    if records is None:
        print(f"No hand annotation of the numbers of {article.name!r}: nothing to compare the engine with.")
        return None
    engine = find_numbers(article)
    person = pd.DataFrame(records, columns=engine.columns)
    keys = ["start", "end", "kind"]
    both = engine[keys].merge(person[keys], on=keys, how="outer", indicator=True)
    differences = both[both["_merge"] != "both"].copy()
    if differences.empty:
        print(f"The engine and the person agree on all {len(person)} numbers: place, extent and kind.")
        return None
    differences["found_by"] = differences["_merge"].map({"left_only": "engine only", "right_only": "person only"})
    differences["text"] = [article.text[int(s):int(e)] for s, e in zip(differences["start"], differences["end"])]
    return differences[["text", "start", "kind", "found_by"]].sort_values("start").reset_index(drop=True)


def readings(written: list[str]) -> pd.DataFrame:
    """Every value each written number can reasonably mean, read as an Indonesian or an English reader would.

    >>> readings(["13,500", "lima"])["can mean"].tolist()
    ['13.5 or 13,500', '5']
    """
    def shown(value: float) -> str:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"

    rows = [(text, " or ".join(shown(v) for v in sorted(number_values(text))) or "(no number)") for text in written]
    return pd.DataFrame(rows, columns=["written", "can mean"])


def counts_by_place(article: Article, numbers: pd.DataFrame) -> pd.DataFrame | None:
    """The counts that have a place name right after them ("dua di Suriah"), summed per paragraph and place.

    One row per paragraph, one column per place, and the ``total`` of the row; None (with a line
    saying so) when no count has a place after it.
    """
    counts = numbers[numbers["kind"] == "count"]
    places = []
    for end in counts["end"]:
        match = PLACE_AFTER.match(article.text, int(end), int(end) + 60)
        places.append(match.group(1) if match else None)
    placed = counts.assign(place=places).dropna(subset=["place"])
    if placed.empty:
        print("No count in this article has a place name right after it.")
        return None
    placed = placed.assign(value=placed["value"].astype(float))
    table = placed.pivot_table(index="paragraph", columns="place", values="value", aggfunc="sum", fill_value=0)
    table["total"] = table.sum(axis="columns")
    return table.astype(int)


def money_table(numbers: pd.DataFrame) -> pd.DataFrame:
    """Each amount of money once, with how often and where the text gives it, and its share of the largest.

    ``share_of_largest_%`` compares amounts in the same currency only.

    >>> money = pd.DataFrame({"text": ["436 juta dolar", "436 juta dolar", "13,5 miliar dolar"],
    ...     "paragraph": [21, 23, 23], "value": [436e6, 436e6, 13.5e9], "unit": ["USD"] * 3, "kind": ["money"] * 3})
    >>> money_table(money)[["text", "paragraphs", "mentions", "share_of_largest_%"]].values.tolist()
    [['436 juta dolar', '¶21, ¶23', 2, 3.2], ['13,5 miliar dolar', '¶23', 1, 100.0]]
    """
    money = numbers[numbers["kind"] == "money"].copy()
    columns = ["text", "paragraphs", "value", "unit", "mentions", "share_of_largest_%"]
    if money.empty:
        return pd.DataFrame(columns=columns)
    money["amount"] = money["value"].astype(float)
    money["unit"] = money["unit"].fillna("?")
    rows = []
    for (amount, unit), group in money.groupby(["amount", "unit"], sort=False):
        rows.append({"text": group["text"].iloc[0], "paragraphs": ", ".join(f"¶{p}" for p in group["paragraph"]),
                     "value": amount, "unit": unit, "mentions": len(group)})
    table = pd.DataFrame(rows).sort_values("value").reset_index(drop=True)
    largest = table.groupby("unit")["value"].transform("max")
    table["share_of_largest_%"] = (table["value"] / largest * 100).round(1)
    if all(float(v).is_integer() for v in table["value"]):  # 436000000, not 4.36e+08
        table["value"] = table["value"].astype("int64")
    return table[columns]


def money_chart(money: pd.DataFrame, scale: str = "share") -> None:
    """Draw the amounts of :func:`money_table`: ``scale="share"`` as bars of their share of the largest
    (a linear axis from 0 to 100%), ``scale="log"`` as dots on a log axis (each step ×10).

    One currency per chart (the most frequent): amounts in another do not compare, and a line says so.
    """
    import matplotlib.pyplot as plt

    from .widgets.numbers import KIND_COLOURS

    if scale not in ("share", "log"):
        raise ValueError(f'scale is "share" or "log", not {scale!r}')
    if money.empty:
        print("This article gives no amounts of money.")
        return
    currency = money["unit"].value_counts().index[0]
    shown = money[money["unit"] == currency]
    labels = [f"{text} ({paragraphs})" for text, paragraphs in zip(shown["text"], shown["paragraphs"])]
    colour = KIND_COLOURS["money"]
    fig, ax = plt.subplots(figsize=(10, max(3.5, 1.2 * len(shown) + 1.5)))
    if scale == "share":
        bars = ax.barh(labels, shown["share_of_largest_%"], color=colour, edgecolor="black")
        for bar, share, value in zip(bars, shown["share_of_largest_%"], shown["value"]):
            ax.text(bar.get_width() + 1.5, bar.get_y() + bar.get_height() / 2,
                    f"{share:.1f}%  ({value:,.0f} {currency})", va="center")
        ax.set_xlim(0, 165)
        ax.set_xticks(range(0, 101, 25))
        ax.set_xlabel("Share of the largest amount (%), linear scale")
        ax.set_title("Amounts of money, as a share of the largest")
    else:
        ax.scatter(shown["value"], labels, s=150, color=colour, edgecolor="black", zorder=3)
        ax.set_xscale("log")
        low, high = shown["value"].min(), shown["value"].max()
        ax.set_xlim(10 ** (len(f"{low:.0f}") - 2), 10 ** (len(f"{high:.0f}") + 1))
        ax.grid(axis="x", which="major", linestyle=":")
        ax.set_xlabel(f"{currency} (log scale: each step is ×10)")
        ax.set_title("Amounts of money, on a log axis")
    fig.tight_layout()
    plt.show()
    others = sorted(set(money["unit"]) - {currency})
    if others:
        print(f"Left out of the chart: amounts in {', '.join(others)} (another currency).")


def _written(value, kind) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return str(value)


def _sentence_at(article: Article, position: int) -> pd.Series:
    sentences = article.sentences
    inside = sentences[(sentences["start"] <= position) & (position < sentences["end"])]
    return inside.iloc[0] if not inside.empty else sentences.iloc[-1]


def repeated_figures(article: Article, numbers: pd.DataFrame, width: int = 100) -> None:
    """Print each figure the text gives more than once (same value, same kind), with the sentences that give it.

    Vague quantities have no value and are left out.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Polisi menyita 40 senjata. Menurut Budi, polisi menyita 40 senjata.")
    >>> repeated_figures(article, numbers_of(article, say=False))
    40 (count): ¶1 “40”, ¶1 “40”
        ¶1: Polisi menyita 40 senjata.
        ¶1: Menurut Budi, polisi menyita 40 senjata.
    <BLANKLINE>
    """
    exact = numbers[numbers["kind"] != "vague"].dropna(subset=["value"])
    exact = exact.assign(key=exact["value"].astype(str))
    repeated = exact[exact.duplicated(["key", "kind"], keep=False)].sort_values("start")
    if repeated.empty:
        print("No figure appears twice in this article.")
        return
    for (_key, kind), group in repeated.groupby(["key", "kind"], sort=False):
        value = group["value"].iloc[0]
        print(f"{_written(value, kind)} ({kind}): " + ", ".join(f"¶{r.paragraph} “{r.text}”" for r in group.itertuples()))
        seen = []
        for start in group["start"]:
            sentence = _sentence_at(article, int(start))
            if sentence["sentence"] in seen:
                continue
            seen.append(sentence["sentence"])
            print(textwrap.fill(f"¶{sentence['paragraph']}: {sentence['text']}", width=width,
                                initial_indent="    ", subsequent_indent="    "))
        print()


def dates_table(article: Article, numbers: pd.DataFrame) -> pd.DataFrame:
    """The dates of the table: whether the text itself writes the year, and the weekday of the value.

    Prints the date the kit's data gives the article (``event_date`` in ``data/articles/<name>.toml``):
    where the text writes no year, the value takes its year from there.
    """
    print("The kit's date for this article (its .toml file):", article.metadata.get("event_date", "none"))
    dates = numbers[numbers["kind"] == "date"].copy()
    dates["year_in_text"] = dates["text"].astype(str).str.contains(r"\d{4}")
    dates["weekday"] = [pd.Timestamp(str(v)).day_name() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(v)) else ""
                        for v in dates["value"]]
    return dates[["text", "paragraph", "value", "year_in_text", "weekday"]].reset_index(drop=True)


def words_before(article: Article, numbers: pd.DataFrame, n: int = 2) -> pd.DataFrame:
    """The ``n`` words before each number, within its paragraph: words such as *hanya* (only) frame a figure.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Pertemuan ini hanya berselang satu hari.")
    >>> words_before(article, numbers_of(article, say=False))[["before", "text"]].values.tolist()
    [['hanya berselang', 'satu hari']]
    """
    starts = article.paragraphs.set_index("paragraph")["start"]
    before = [" ".join(article.text[max(int(starts[p]), int(s) - 40):int(s)].split()[-n:])
              for p, s in zip(numbers["paragraph"], numbers["start"])]
    return numbers.assign(before=before)[["paragraph", "before", "text", "kind"]].reset_index(drop=True)


def number_sources(article: Article, numbers: pd.DataFrame) -> pd.DataFrame:
    """Whose voice each number is in: the speaker of the quotation it stands in, or the reporter.

    The quotations are the hand annotation's where the kit has one, else the engine's (``find_quotes``).
    A number outside quotation marks is the reporter's, even when the sentence names who said it.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Polisi menyita 3 senjata. “Ada 12 korban,” kata Budi Santoso.")
    >>> number_sources(article, numbers_of(article, say=False))[["text", "source"]].values.tolist()
    [['3', 'the reporter (outside quotation marks)'], ['12', 'Budi Santoso']]
    """
    engine = find_quotes(article)
    records = _annotated(article, "quotes")
    quotes = engine if records is None else pd.DataFrame(records, columns=engine.columns)
    speech = quotes[quotes["kind"] != "scare"]

    def source_of(start: int) -> str:
        inside = speech[(speech["start"] <= start) & (start < speech["end"])]
        if inside.empty:
            return REPORTER
        return inside["speaker"].iloc[0] or "a quotation (speaker not found)"

    sourced = numbers.assign(source=[source_of(int(s)) for s in numbers["start"]])
    return sourced[["text", "paragraph", "kind", "source"]].reset_index(drop=True)


def digits_left_out(article: Article, numbers: pd.DataFrame) -> pd.DataFrame | None:
    """The digits in the text that no number of the table covers, each with the words around it.

    None (with a line saying so) when every digit is in the table.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Vaksin Covid-19 tiba untuk 40 orang.")
    >>> digits_left_out(article, numbers_of(article, say=False))["digits"].tolist()
    ['19']
    """
    spans = list(zip(numbers["start"].astype(int), numbers["end"].astype(int)))
    rows = [(m.group(), article.text[max(0, m.start() - 20):m.end() + 20].replace("\n", " "))
            for m in re.finditer(r"\d+", article.text) if not any(s <= m.start() < e for s, e in spans)]
    if not rows:
        print("Every digit is in the numbers table.")
        return None
    return pd.DataFrame(rows, columns=["digits", "context"])
