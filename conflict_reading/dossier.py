"""What other sources say about an article's events: its source dossier, read as tables and a chart.

A professional fact-checker does not judge a report by reading it harder: they leave it, and read what other
sources say (*lateral reading*, Wineburg & McGrew 2019).  A lesson cannot go on the web for its learners, so the
kit ships a **source dossier** for its article, ``data/dossiers/<article>.toml``: the pages its authors found
and checked (publisher, date, address, language, type, whose voice), and what each says, paraphrased and tied
to the article's paragraphs (format and rules: ``data/dossiers/README.md``).  This module reads it:

- :func:`load_dossier`: one row per source;
- :func:`dossier_claims`: one row per claim (which source says what about which paragraphs, and how it
  relates to the article: ``confirms``, ``differs``, ``contradicts`` or ``adds``);
- :func:`compare_topic`: the claims of one topic, side by side;
- :func:`dossier_voices`: one row per voice a source carries, and whether the article lets it speak;
- :func:`dossier_chart`: which sources say what, topic by topic (:func:`dossier_grid` is the same as text;
  :func:`describe_dossier` says it in a sentence).

An article with no dossier gives empty tables and says so in one line; input the kit cannot read gives one
line (:class:`DossierError`), never a traceback.

>>> claims = dossier_claims("koalisi-isis-roma")
>>> sorted(set(claims["relation"])) == sorted(RELATIONS)
True
>>> sorted(compare_topic(claims, "coalition-size")["source"])  # doctest: +ELLIPSIS
How many members does the coalition have ...
['Global Affairs Canada', 'Reuters', 'U.S. Department of State', 'U.S. Department of State']
"""

from __future__ import annotations

import csv
import json
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .answers import people_of, surname
from .answers.text import normalize_text
from .article import Article, article_name, message_name
from .errors import KitError
from .lexicons import LEXICON_DIR
from .paths import annotations_dir, data_dir

# How a claim relates to the article, in the order tables list them: the clashes first.
RELATIONS = ("contradicts", "differs", "confirms", "adds")
RELATION_MEANINGS = {
    "contradicts": "cannot be true together with the article",
    "differs": "the same fact, in other words or another precision",
    "confirms": "says the same as the article",
    "adds": "a fact or a voice the article leaves out",
}
RELATION_MARKS = {"contradicts": "✗", "differs": "≈", "confirms": "✓", "adds": "+"}
TYPES = ("primary", "government", "wire", "outlet", "monitor", "party")
SOURCE_COLUMNS = ["source", "publisher", "type", "date", "language", "voice", "claims", "title", "address", "id"]
CLAIM_COLUMNS = ["source", "type", "date", "language", "topic", "relation", "paragraphs", "claim", "excerpt",
                 "publisher", "address", "id"]
VOICE_COLUMNS = ["voice", "heard_in_article", "source", "type", "claims"]
KIT_DOSSIER = "koalisi-isis-roma"
# Okabe-Ito colours (readable with every common colour blindness), one marker shape per relation.
STYLES = {
    "contradicts": {"marker": "X", "color": "#D55E00"},
    "differs": {"marker": "D", "color": "#E69F00"},
    "confirms": {"marker": "o", "color": "#009E73"},
    "adds": {"marker": "P", "color": "#0072B2"},
}
OUTSIDE_SHADE = "#F0E442"  # the columns of sources whose voices the article never gives


class DossierError(KitError):
    """A dossier that cannot be read, or a request the kit cannot answer: one line in a notebook."""


class ReadableTable(pd.DataFrame):
    """A table of a dossier: a DataFrame whose claims are shown whole in a notebook, left-aligned and wrapped
    (a claim is read, not skimmed; other tables cut long texts at ``display.max_colwidth``).  Filtering it,
    or choosing its columns, gives a ReadableTable again.

    >>> table = ReadableTable({"claim": ["x" * 300]})
    >>> "x" * 300 in table._repr_html_(), type(table[["claim"]]).__name__
    (True, 'ReadableTable')
    """

    @property
    def _constructor(self):
        return ReadableTable

    def _repr_html_(self) -> str:
        styler = self.style.format(escape="html", na_rep="")
        styler = styler.set_properties(**{"text-align": "left", "vertical-align": "top", "white-space": "normal"})
        styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
        return styler.hide(axis="index").to_html()


# --- finding and reading a dossier ------------------------------------------------------------

def dossiers_dir() -> Path:
    """The folder of the source dossiers, ``data/dossiers/``."""
    return data_dir() / "dossiers"


def available_dossiers() -> list[str]:
    """The articles the kit has a dossier for.

    >>> "koalisi-isis-roma" in available_dossiers()
    True
    """
    return sorted(path.stem for path in dossiers_dir().glob("*.toml"))


def _what(value) -> str:
    if value is None or isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"the number {message_name(value)}"
    return f"a {type(value).__name__}"


def dossier_name(article) -> str:
    """The name of the dossier for ``article``: an :class:`Article`, its name, or a path to its text or dossier.

    >>> dossier_name("koalisi-isis-roma"), dossier_name("data/dossiers/koalisi-isis-roma.toml")
    ('koalisi-isis-roma', 'koalisi-isis-roma')
    >>> dossier_name(25)
    Traceback (most recent call last):
    conflict_reading.dossier.DossierError: Cannot find a dossier from the number 25: give the article, or its name in quotes, as in load_dossier("koalisi-isis-roma").
    """
    if isinstance(article, os.PathLike) or (isinstance(article, str) and article.strip().endswith(".toml")):
        return Path(article).stem
    name = article_name(article) if isinstance(article, (str, Article)) else None
    if not name:
        raise DossierError(f"Cannot find a dossier from {_what(article) if not isinstance(article, str) else 'an empty name'}: "
                           f'give the article, or its name in quotes, as in load_dossier("{KIT_DOSSIER}").')
    return name


def _path_of(article) -> Path:
    if isinstance(article, os.PathLike) or (isinstance(article, str) and article.strip().endswith(".toml")):
        return Path(article).expanduser()
    return dossiers_dir() / f"{dossier_name(article)}.toml"


@lru_cache(maxsize=16)
def _read(path: str, stamp: float) -> dict:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise DossierError(f"The dossier {Path(path).name} is not valid TOML: {error}.") from None
    except OSError as error:
        raise DossierError(f"Cannot read the dossier {message_name(path)}: {error.strerror or error}.") from None
    if not isinstance(data.get("sources"), list):
        raise DossierError(f"The dossier {Path(path).name} has no [[sources]]: see data/dossiers/README.md.")
    return data


def read_dossier(article) -> dict | None:
    """The dossier of ``article`` as its TOML says it, or None if the kit has none.

    >>> read_dossier("koalisi-isis-roma")["article"]["file"]
    'data/articles/koalisi-isis-roma.txt'
    >>> read_dossier("an-article-with-no-dossier") is None
    True
    """
    path = _path_of(article)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return _read(str(path), stamp)


def _no_dossier_line(name: str) -> str:
    known = ", ".join(available_dossiers()) or "none"
    return (f"The kit has no dossier of other sources for {name!r} (it has one for: {known}). The tables below "
            "stay empty: for this article, do the lateral reading on the open web (see the homework).")


def _missing(article) -> bool:
    """True, after one line saying so, if ``article`` has no dossier."""
    if read_dossier(article) is None:
        print(_no_dossier_line(dossier_name(article)))
        return True
    return False


# --- sources and claims -----------------------------------------------------------------------

def short_name(publisher: str) -> str:
    """A publisher as a table's column can show it: the name before any comment, or its acronym.

    >>> short_name("Syrian Observatory for Human Rights (SOHR)"), short_name("Reuters, as published by National Post")
    ('SOHR', 'Reuters')
    >>> short_name("SANA (Syrian Arab News Agency, the Syrian state news agency)")
    'SANA'
    """
    acronym = re.match(r"[^(,]+\(([A-Z]{2,8})\)", publisher)
    if acronym:
        return acronym.group(1)
    return re.split(r"\s*[(,]", publisher, maxsplit=1)[0].strip() or publisher.strip()


def _labels(sources: list[dict]) -> dict[str, str]:
    """Each source's short name; the id is added where two sources would share one."""
    names = {s.get("id", ""): short_name(str(s.get("publisher", s.get("id", "?")))) for s in sources}
    counts = pd.Series(list(names.values())).value_counts()
    return {i: (f"{n} ({i})" if counts[n] > 1 else n) for i, n in names.items()}


def paragraph_text(numbers) -> str:
    """Paragraph numbers as a reader writes them: runs joined with a dash.

    >>> paragraph_text([8, 9, 10, 11]), paragraph_text([12, 14]), paragraph_text([])
    ('¶8–11', '¶12, ¶14', '—')
    """
    numbers = sorted({int(n) for n in numbers or []})
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"¶{r[0]}" if len(r) == 1 else f"¶{r[0]}–{r[-1]}" for r in runs) or "—"


def load_dossier(article=KIT_DOSSIER) -> pd.DataFrame:
    """The sources of ``article``'s dossier, one row each: ``source`` (a short name), ``publisher``, ``type``,
    ``date``, ``language``, ``voice`` (whose words the page carries), ``claims`` (how many), ``title`` and
    ``address`` (where the page was read), ``id``.

    >>> sources = load_dossier("koalisi-isis-roma")
    >>> sources.set_index("id").loc["sana-child-killed", ["source", "type", "language"]].tolist()
    ['SANA', 'party', 'en']
    """
    if _missing(article):
        return ReadableTable(columns=SOURCE_COLUMNS)
    sources = read_dossier(article)["sources"]
    labels = _labels(sources)
    rows = [{
        "source": labels[s.get("id", "")], "publisher": s.get("publisher", ""), "type": s.get("type", ""),
        "date": s.get("date", ""), "language": s.get("language", ""), "voice": s.get("voice", ""),
        "claims": len(s.get("claims", [])), "title": s.get("title", ""), "address": s.get("address", ""),
        "id": s.get("id", ""),
    } for s in sources]
    table = ReadableTable(rows, columns=SOURCE_COLUMNS)
    table.attrs["dossier"] = dossier_name(article)
    return table


def dossier_topics(article=KIT_DOSSIER) -> pd.DataFrame:
    """The topics the dossier compares: ``topic`` (its key) and ``question``.

    >>> dossier_topics("koalisi-isis-roma")["topic"].tolist()[:3]
    ['quote-origin', 'di-maio-isis-defeated', 'coalition-size']
    """
    data = read_dossier(article)
    topics = (data or {}).get("topics", [])
    return pd.DataFrame([{"topic": t.get("key", ""), "question": t.get("question", "")} for t in topics],
                        columns=["topic", "question"])


def dossier_claims(article=KIT_DOSSIER) -> pd.DataFrame:
    """Every claim of ``article``'s dossier, one row each: the ``source`` (short name), its ``type``,
    ``date`` and ``language``, the ``topic``, the ``relation`` to the article, the article's ``paragraphs``
    it is about, the ``claim`` (paraphrased), an ``excerpt`` (exact words, from US government works only;
    empty otherwise), and the ``publisher``, ``address`` and ``id`` of the source.

    >>> claims = dossier_claims("koalisi-isis-roma")
    >>> claims.loc[claims["topic"] == "coalition-size", "relation"].value_counts().to_dict()
    {'contradicts': 2, 'confirms': 1, 'adds': 1}
    """
    if _missing(article):
        return ReadableTable(columns=CLAIM_COLUMNS)
    data = read_dossier(article)
    labels = _labels(data["sources"])
    rows = []
    for s in data["sources"]:
        for c in s.get("claims", []):
            rows.append({
                "source": labels[s.get("id", "")], "type": s.get("type", ""), "date": s.get("date", ""),
                "language": s.get("language", ""), "topic": c.get("topic", ""), "relation": c.get("relation", ""),
                "paragraphs": paragraph_text(c.get("paragraphs", [])), "claim": c.get("claim", ""),
                "excerpt": c.get("excerpt", ""), "publisher": s.get("publisher", ""),
                "address": s.get("address", ""), "id": s.get("id", ""),
            })
    table = ReadableTable(rows, columns=CLAIM_COLUMNS)
    table.attrs["dossier"] = dossier_name(article)
    return table


def _claims_table(claims, function: str) -> pd.DataFrame:
    """``claims`` if it is a claims table, else one line saying what to give instead."""
    if isinstance(claims, pd.DataFrame) and {"source", "topic", "relation"} <= set(claims.columns):
        return claims
    given = "a table without the columns source, topic and relation" if isinstance(claims, pd.DataFrame) else _what(claims)
    raise DossierError(f"{function}() needs the claims table that dossier_claims(article) makes, not {given}: "
                       f"claims = dossier_claims(article), then {function}(claims{', topic' if function == 'compare_topic' else ''}).")


def _topic_key(topic) -> str:
    if not isinstance(topic, str) or not topic.strip():
        raise DossierError(f"Give the topic as text in quotes, such as \"coalition-size\", not {_what(topic) if not isinstance(topic, str) else 'an empty text'}.")
    return re.sub(r"[\s_]+", "-", topic.strip().strip("\"'").lower())


def compare_topic(claims, topic: str) -> pd.DataFrame:
    """The claims of one ``topic`` (a key of the dossier's topics, such as ``"money"``), side by side: the clashes
    with the article first (``contradicts``, ``differs``), then ``confirms`` and ``adds``.

    The topic's question is printed first.  A topic the dossier lacks gives one line listing its topics.

    >>> claims = dossier_claims("koalisi-isis-roma")
    >>> compare_topic(claims, "money")[["source", "relation", "paragraphs"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    How much US aid was announced, and how exact are the figures in ¶21 and ¶23?
    [['USAID', 'differs', '¶21, ¶23'], ['USAID', 'differs', '¶23']]
    >>> compare_topic(claims, "casualties")
    Traceback (most recent call last):
    conflict_reading.dossier.DossierError: No topic 'casualties' in this dossier. Its topics: quote-origin, di-maio-isis-defeated, coalition-size, meeting-format, money, syria-aid, africa-speaker, stabilization, strikes-casualties, strikes-targets, strikes-legality, strikes-context, militia-response, detainees-camps, italy-pledge, protection-of-civilians.
    """
    claims = _claims_table(claims, "compare_topic")
    key = _topic_key(topic)
    name = claims.attrs.get("dossier")
    declared = dossier_topics(name)["topic"].tolist() if name else []
    known = declared or list(dict.fromkeys(claims["topic"]))
    if claims.empty:
        return claims[[c for c in CLAIM_COLUMNS if c in claims.columns]].copy()
    if key not in known:
        raise DossierError(f"No topic {message_name(repr(topic.strip()))} in this dossier. Its topics: {', '.join(known)}.")
    if declared:
        print(dossier_topics(name).set_index("topic").loc[key, "question"])
    rows = claims[claims["topic"] == key].copy()
    rows["_order"] = rows["relation"].map({r: n for n, r in enumerate(RELATIONS)}).fillna(len(RELATIONS))
    rows = rows.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)
    return ReadableTable(rows[["source", "type", "date", "language", "relation", "paragraphs", "claim", "excerpt"]])


# --- voices -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def government_bodies() -> dict[str, tuple[str, ...]]:
    """Words naming a government or a body of it, by country code (``lexicons/government-bodies.csv``).

    >>> "pentagon" in government_bodies()["US"]
    True
    """
    bodies: dict[str, list[str]] = {}
    with open(LEXICON_DIR / "government-bodies.csv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            bodies.setdefault(row["iso"].strip(), []).append(normalize_text(row["form"]))
    return {iso: tuple(forms) for iso, forms in bodies.items()}


def article_speakers(article) -> list[tuple[str, str | None]]:
    """(name, country) of the people an article quotes: the speakers of its hand annotation, else its named
    people (``data/annotations/<article>.people.toml``); [] if the kit knows neither.

    >>> article_speakers("koalisi-isis-roma")
    [('Luigi Di Maio', 'IT'), ('Antony Blinken', 'US')]
    """
    name = dossier_name(article)
    countries = {p.name: p.country for p in people_of(name)}
    try:
        quotes = json.loads((annotations_dir() / f"{name}.json").read_text(encoding="utf-8")).get("quotes", [])
        speakers = list(dict.fromkeys(q["speaker"] for q in quotes if q.get("speaker")))
    except (OSError, ValueError, AttributeError, TypeError):
        speakers = []
    if not speakers:
        speakers = [p.name for p in people_of(name) if p.named]
    return [(s, countries.get(s)) for s in speakers]


def _names(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def heard_in_article(voice: str, speakers) -> bool:
    """A rule's first guess: does ``voice`` speak in the article?  Yes when it names one of the article's
    ``speakers`` (by surname) or a body of a speaker's government (``lexicons/government-bodies.csv``).

    >>> speakers = [("Antony Blinken", "US"), ("Luigi Di Maio", "IT")]
    >>> heard_in_article("Pentagon", speakers), heard_in_article("Iraqi military", speakers)
    (True, False)
    >>> heard_in_article("Luigi Di Maio (Italian Foreign Minister), in Italian", speakers)
    True
    """
    text = normalize_text(voice)
    for name, country in speakers:
        if _names(text, " ".join(surname(name))):
            return True
        if any(_names(text, body) for body in government_bodies().get(country or "", ())):
            return True
    return False


def split_voices(voice: str) -> list[str]:
    """The voices a source's ``voice`` lists, separated by semicolons.

    >>> split_voices("Iraqi military; Pentagon; Antony Blinken")
    ['Iraqi military', 'Pentagon', 'Antony Blinken']
    """
    return [v.strip() for v in str(voice).split(";") if v.strip()]


def voice_head(voice: str) -> str:
    """A voice without the description in brackets after it.

    >>> voice_head("Syrian government (state news agency), quoting local sources")
    'Syrian government'
    """
    return re.split(r"\s*\(", str(voice), maxsplit=1)[0].strip() or str(voice)


def dossier_voices(article=KIT_DOSSIER) -> pd.DataFrame:
    """One row per voice a source of the dossier carries: the ``voice``, whether it is ``heard_in_article``
    (a rule's first guess: :func:`heard_in_article`), the ``source`` and its ``type``, and how many ``claims``
    that source makes.  Voices the article never gives come first.

    ``article``: the article, its name, or the claims table of :func:`dossier_claims`.

    >>> voices = dossier_voices("koalisi-isis-roma")
    >>> cnbc = voices[voices["source"] == "CNBC"].set_index("voice")["heard_in_article"]
    >>> bool(cnbc["Iraqi military"]), bool(cnbc["Antony Blinken"])
    (False, True)
    """
    if isinstance(article, pd.DataFrame):
        article = article.attrs.get("dossier")
        if not article:
            return ReadableTable(columns=VOICE_COLUMNS)
    sources = load_dossier(article)
    if sources.empty:
        return ReadableTable(columns=VOICE_COLUMNS)
    speakers = article_speakers(dossier_name(article))
    rows = [{"voice": voice, "heard_in_article": heard_in_article(voice, speakers), "source": row.source,
             "type": row.type, "claims": row.claims}
            for row in sources.itertuples() for voice in split_voices(row.voice)]
    table = ReadableTable(rows, columns=VOICE_COLUMNS)
    return table.sort_values("heard_in_article", kind="stable").reset_index(drop=True)


def outside_sources(claims) -> list[str]:
    """The sources (short names) that carry at least one voice the article never gives."""
    voices = dossier_voices(claims)
    return list(dict.fromkeys(voices.loc[~voices["heard_in_article"].astype(bool), "source"]))


# --- the grid, the chart and the sentence --------------------------------------------------------

def _order(claims: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """(topics, sources, outside): topics in the dossier's order; sources with voices heard in the article
    first, then those with a voice the article never gives (``outside``)."""
    name = claims.attrs.get("dossier")
    declared = dossier_topics(name)["topic"].tolist() if name else []
    topics = [t for t in declared if t in set(claims["topic"])] or list(dict.fromkeys(claims["topic"]))
    sources = list(dict.fromkeys(claims["source"]))
    outside = [s for s in outside_sources(claims) if s in sources]
    return topics, [s for s in sources if s not in outside] + outside, outside


def dossier_grid(claims) -> pd.DataFrame:
    """The chart as text: one row per topic, one column per source, and in each cell the marks of that source's
    claims on that topic (✗ contradicts, ≈ differs, ✓ confirms, + adds).  A column marked * carries a voice the
    article never gives.

    >>> grid = dossier_grid(dossier_claims("koalisi-isis-roma"))  # doctest: +ELLIPSIS
    ✗ contradicts ...
    >>> grid.loc["coalition-size", "Reuters *"], grid.loc["strikes-casualties", "SANA *"]
    ('✗', '+')
    """
    claims = _claims_table(claims, "dossier_grid")
    if claims.empty:
        return pd.DataFrame()
    topics, sources, outside = _order(claims)
    print("   ".join(f"{mark} {relation}" for relation, mark in RELATION_MARKS.items())
          + "   * a source that carries a voice the article never gives (a rule's first guess)")
    marks = {(t, s): "" for t in topics for s in sources}
    for row in claims.itertuples():
        mark = RELATION_MARKS.get(row.relation, "?")
        cell = marks.get((row.topic, row.source), "")
        if mark not in cell.split():
            marks[(row.topic, row.source)] = f"{cell} {mark}".strip()
    columns = {s: f"{s} *" if s in outside else s for s in sources}
    grid = pd.DataFrame([[marks[(t, s)] for s in sources] for t in topics], index=topics,
                        columns=[columns[s] for s in sources])
    grid.index.name = "topic"
    return grid


def describe_dossier(claims) -> str:
    """What the dossier holds, in two sentences: sources, claims and relations; voices only outside the article.

    >>> print(describe_dossier(dossier_claims("koalisi-isis-roma")))  # doctest: +ELLIPSIS
    14 sources make 35 claims on 16 topics: 6 contradict the article, 4 differ from it in wording or precision, ...
    """
    claims = _claims_table(claims, "describe_dossier")
    if claims.empty:
        return "There is no dossier for this article: no other source to compare it with."
    counts = claims["relation"].value_counts()
    parts = [f"{counts.get('contradicts', 0)} contradict the article",
             f"{counts.get('differs', 0)} differ from it in wording or precision",
             f"{counts.get('confirms', 0)} confirm it",
             f"{counts.get('adds', 0)} add what it leaves out"]
    first = (f"{claims['source'].nunique()} sources make {len(claims)} claims on {claims['topic'].nunique()} topics: "
             + ", ".join(parts[:-1]) + f" and {parts[-1]}.")
    voices = dossier_voices(claims)
    outside = voices[~voices["heard_in_article"].astype(bool)]
    if outside.empty:
        return first + " Every voice of the dossier speaks in the article too."
    names = "; ".join(f"{voice_head(row.voice)} ({row.source})" for row in outside.itertuples())
    return first + f" {outside['source'].nunique()} sources carry voices the article never gives: {names}."


def dossier_figure(claims, title: str | None = None):
    """The grid of :func:`dossier_grid` as a matplotlib Figure, or None when there is nothing to draw.

    >>> figure = dossier_figure(dossier_claims("koalisi-isis-roma"))
    >>> figure.axes[0].get_title()
    'Which sources say what, topic by topic (koalisi-isis-roma)'
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    claims = _claims_table(claims, "dossier_figure")
    if claims.empty:
        return None
    topics, sources, outside = _order(claims)
    x_of = {s: n for n, s in enumerate(sources)}
    y_of = {t: n for n, t in enumerate(topics)}
    figure, ax = plt.subplots(figsize=(max(9, 0.75 * len(sources) + 4), max(4, 0.42 * len(topics) + 2.6)))
    for s in outside:
        ax.axvspan(x_of[s] - 0.5, x_of[s] + 0.5, color=OUTSIDE_SHADE, alpha=0.35, zorder=0, lw=0)
    for (topic, source), group in claims.groupby(["topic", "source"], sort=False):
        relations = [r for r in RELATIONS if r in set(group["relation"])]
        for n, relation in enumerate(relations):
            dx = (n - (len(relations) - 1) / 2) * 0.28
            ax.scatter(x_of[source] + dx, y_of[topic], s=110, zorder=3, edgecolors="black", linewidths=0.6,
                       **STYLES.get(relation, {"marker": "s", "color": "#999999"}))
    types = load_dossier(claims.attrs["dossier"]).set_index("source")["type"] if claims.attrs.get("dossier") else {}
    ax.set_xticks(range(len(sources)), [f"{s}\n({types.get(s, '?')})" if len(types) else s for s in sources],
                  rotation=60, ha="right", rotation_mode="anchor", fontsize=10)
    ax.set_yticks(range(len(topics)), topics, fontsize=10)
    ax.set_xlim(-0.6, len(sources) - 0.4)
    ax.set_ylim(len(topics) - 0.5, -0.5)  # the first topic at the top
    ax.grid(linestyle=":", alpha=0.6)
    ax.set_axisbelow(True)
    handles = [Line2D([], [], linestyle="", markeredgecolor="black", markersize=9, label=f"{r}: {RELATION_MEANINGS[r]}",
                      **STYLES[r]) for r in RELATIONS]
    handles.append(Patch(color=OUTSIDE_SHADE, alpha=0.35, label="a source with a voice the article\nnever gives "
                                                               "(a rule's first guess)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=10, frameon=False)
    name = claims.attrs.get("dossier")
    ax.set_title(title or f"Which sources say what, topic by topic{f' ({name})' if name else ''}")
    figure.tight_layout()
    return figure


def dossier_chart(claims) -> None:
    """Draw :func:`dossier_figure` and print :func:`describe_dossier` under it."""
    import matplotlib.pyplot as plt

    figure = dossier_figure(claims)
    if figure is None:
        print("Nothing to chart: there is no dossier for this article.")
        return
    plt.show()
    print(describe_dossier(claims))
