"""Who speaks and who is only spoken about: the voices of an article, as tables and one chart.

Each function is one line in a lesson (lesson 02, *Who speaks*) and works on any article and any
quotes table with the columns of :func:`conflict_reading.quotes.find_quotes` (the engine's
reading) or of a hand annotation (a person's reading, ``data/annotations/<article>.json``).

- :func:`hand_annotation`: the quotations as a person read them, or the engine's table if nobody did.
- :func:`in_their_sentences`: each quotation inside the sentence it sits in (partial quotes need it).
- :func:`quoted_words`: one row per quotation that is speech: who speaks, how many words.
- :func:`cue_table`: the reporting verbs that introduce the quotations, for whom, and what the
  kit's lexicon says of each (a tendency to test, not a rule).
- :func:`verb_uses`: every form of a reporting verb in the kit's articles, with its context, to test
  how a verb is used for different speakers.
- :func:`lexicon_words`: every word of the article that is in the reporting-verb lexicon, reporting
  speech or not (a word list matches letters, not meanings).
- :func:`sources_table` and :func:`sources_chart`: every source the article gives, quoted or reported in
  the reporter's words (:func:`conflict_reading.sources.find_sources`), by kind of source.
- :func:`named_in_article` and :func:`voices_chart`: the capital-letter rule for who is named, a first
  draft that the learner improves with a list of groups to add and names to drop.
- :func:`compare_quotes` and :func:`hard_cases`: the engine's reading beside a person's.
- :func:`last_paragraphs`: a walk-through sample that fits any article ("21-25" of 25 paragraphs).

>>> from conflict_reading import Article
>>> from conflict_reading.quotes import find_quotes
>>> article = Article.from_text("Menlu Budi Santoso mengatakan, “Kami siap membantu warga Dalmen.”\\n"
...                             "Warga Dalmen menunggu.", name="voices-example")
>>> quoted_words(find_quotes(article)).values.tolist()
[['Budi Santoso', 5]]
>>> named_in_article(article, ["Budi Santoso"])[["name", "mentions"]].values.tolist()
[['Dalmen', 2]]
>>> named_in_article(article, ["Budi Santoso"], add=["warga"], drop=["Dalmen"])[["name", "mentions"]].values.tolist()
[['warga', 2]]
>>> last_paragraphs(article, 5)
'1-2'
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import dataclass
from difflib import get_close_matches

import pandas as pd

from .article import Article, available_articles, load_article
from .errors import KitError
from .explore import glossary
from .lexicons import word_list
from .paths import annotations_dir
from .quotes import PRONOUN_SUFFIX, reporting_verbs

QUOTE_COLUMNS = ["text", "kind", "paragraph_start", "paragraph_end", "speaker", "cue", "how", "start", "end"]
NOT_FOUND = "(speaker not found)"  # a quotation that is speech, but whose speaker the reading did not find
# How a person knew the speaker when the quotation's own sentence has no reporting verb and name.
FROM_CONTEXT = ("previous sentence", "pronoun", "previous speaker", "context")
OPENING_MARKS = "“\"«‘"
FIRST_DRAFT_TITLE = "Names the capital-letter rule finds: a first draft"
YOUR_RULE_TITLE = "Names your rule finds: a second draft"
WIDTH = 100  # characters per line of plain text


def _article(article) -> Article:
    return article if isinstance(article, Article) else load_article(article)


def _quotes(quotes) -> pd.DataFrame:
    """A quotes table with the columns of find_quotes (missing ones empty)."""
    if not isinstance(quotes, pd.DataFrame):
        raise KitError("Give a table of quotations, such as find_quotes(article) or the hand annotation.")
    table = quotes.copy()
    for column in QUOTE_COLUMNS:
        if column not in table.columns:
            table[column] = None
    return table


def _paragraph_list(numbers) -> str:
    """'¶7, ¶14' for [7, 14].

    >>> _paragraph_list([7, 14, 14])
    '¶7, ¶14, ¶14'
    """
    return ", ".join(f"¶{int(n)}" for n in numbers)


def _span(first, last) -> str:
    """'¶14–21' for a quotation over paragraphs 14 to 21, '¶7' for one in paragraph 7.

    >>> _span(14, 21), _span(7, 7), _span(7, None)
    ('¶14–21', '¶7', '¶7')
    """
    first = int(first)
    last = int(last) if last is not None and last == last else first
    return f"¶{first}" if last == first else f"¶{first}–{last}"


# --- the readings ---------------------------------------------------------------------------------

def _annotated_quotes(article: Article) -> list | None:
    """The quotation records of ``data/annotations/<article>.json``, or None if nobody annotated it (or the
    file cannot be read)."""
    path = annotations_dir() / f"{article.name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["quotes"] if path.is_file() else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def hand_annotation(article, otherwise: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """The quotations of ``article`` as a person read them (``data/annotations/<article>.json``).

    Same columns as :func:`~conflict_reading.quotes.find_quotes`.  Prints one line saying which
    reading it gives.  If nobody annotated the article, it gives ``otherwise`` (the engine's table,
    which can be wrong), or None.

    >>> hand_annotation("koalisi-isis-roma")["speaker"].unique().tolist()
    Hand annotation koalisi-isis-roma.json: 7 quotations, read by a person.
    ['Luigi Di Maio', 'Antony Blinken']
    >>> hand_annotation(Article.from_text("Teks.", name="nobody-read-this")) is None
    No hand annotation of 'nobody-read-this': nothing to check against.
    True
    """
    article = _article(article)
    records = _annotated_quotes(article)
    if records is None:
        if otherwise is None:
            print(f"No hand annotation of {article.name!r}: nothing to check against.")
        else:
            print(f"No hand annotation of {article.name!r}: the widgets check against the engine's table, "
                  "which can be wrong.")
        return otherwise
    print(f"Hand annotation {article.name}.json: {len(records)} quotations, read by a person.")
    return pd.DataFrame(records, columns=QUOTE_COLUMNS)


@dataclass
class QuoteSentences:
    """Quotations, each shown inside its sentence: HTML in a notebook, text elsewhere."""

    rows: list[tuple[int, str, str, str]]  # (paragraph, kind, quotation, sentence)

    def __repr__(self) -> str:
        if not self.rows:
            return "No quotation of that kind."
        blocks = []
        for paragraph, kind, quote, sentence in self.rows:
            blocks.append(f"¶{paragraph} {kind}: “{quote}”\n"
                          + textwrap.fill("in: " + sentence, WIDTH, initial_indent="   ", subsequent_indent="       "))
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        if not self.rows:
            return "<p>No quotation of that kind.</p>"
        items = []
        for paragraph, kind, quote, sentence in self.rows:
            shown = html.escape(sentence)
            marked = html.escape(quote)
            if marked and marked in shown:
                shown = shown.replace(marked, f"<b>{marked}</b>", 1)
            items.append(f"<li><b>¶{paragraph}</b> <i>{html.escape(kind)}</i>: {shown}</li>")
        return f'<ul class="cr-quote-sentences">{"".join(items)}</ul>'


def in_their_sentences(article, quotes) -> QuoteSentences:
    """Each quotation of ``quotes`` inside the sentence where it opens (the quotation in bold).

    >>> article = Article.from_text("Ia menyebut rencana itu “langkah awal” saja.")
    >>> from conflict_reading.quotes import find_quotes
    >>> print(repr(in_their_sentences(article, find_quotes(article))))
    ¶1 partial: “langkah awal”
       in: Ia menyebut rencana itu “langkah awal” saja.
    """
    article = _article(article)
    table = _quotes(quotes).dropna(subset=["start"])
    sentences = article.sentences
    rows = []
    for quote in table.itertuples(index=False):
        before = sentences[sentences["start"] <= int(quote.start)]
        sentence = before["text"].iloc[-1] if not before.empty else str(quote.text)
        rows.append((int(quote.paragraph_start), str(quote.kind), str(quote.text).strip(" ,.\n"), sentence))
    return QuoteSentences(rows)


def quoted_words(quotes) -> pd.DataFrame:
    """One row per quotation that is speech (scare quotes are nobody's words): speaker, words.

    ``words`` counts the words between the marks (split at spaces).  A quotation whose speaker the
    reading did not find has the speaker ``(speaker not found)``.

    >>> table = pd.DataFrame({"text": ["Kami siap.", "zona aman"], "kind": ["direct", "scare"],
    ...                       "speaker": ["Budi", None]})
    >>> quoted_words(table).values.tolist()
    [['Budi', 2]]
    """
    table = _quotes(quotes)
    speech = table[table["kind"] != "scare"]
    return pd.DataFrame({
        "speaker": speech["speaker"].fillna(NOT_FOUND).astype(str).tolist(),
        "words": speech["text"].fillna("").astype(str).str.split().str.len().astype(int).tolist(),
    })


# --- reporting verbs ----------------------------------------------------------------------------------

def _lexicon_form(word: str, verbs: set[str]) -> str:
    """A cue as the lexicon lists it: lower case, and ``ujarnya`` (ujar + -nya, his/her) as ``ujar``.

    >>> _lexicon_form("Ujarnya", {"ujar"}), _lexicon_form("tegas", {"tegas"})
    ('ujar', 'tegas')
    """
    word = word.lower().strip(" ,.:;“”\"")
    if word not in verbs and word.endswith(PRONOUN_SUFFIX) and word[:-len(PRONOUN_SUFFIX)] in verbs:
        return word[:-len(PRONOUN_SUFFIX)]
    return word


def cue_table(quotes) -> pd.DataFrame:
    """The reporting verbs that introduce the quotations: who each is used for, the quotations it
    introduces (the paragraphs each runs over), and the lexicon's entry.

    Columns: verb, speakers, quotations, root, stance, gloss.  ``stance`` is what the verb's dictionary
    meaning suggests about how the words were said; newsrooms also rotate verbs for variety, so it is a
    tendency to test against how an outlet uses the verb, not a rule.

    >>> table = pd.DataFrame({"text": ["A.", "B."], "kind": ["direct", "direct"], "paragraph_start": [7, 25],
    ...                       "speaker": ["Budi", "Rina"], "cue": ["mengatakan", "tegas"]})
    >>> cue_table(table)[["verb", "speakers", "quotations", "stance"]].values.tolist()
    [['mengatakan', 'Budi', '¶7', 'neutral'], ['tegas', 'Rina', '¶25', 'assertive']]
    """
    table = _quotes(quotes).dropna(subset=["cue"])
    lexicon = reporting_verbs()[["verb", "root", "stance", "gloss"]]
    verbs = set(lexicon["verb"])
    rows = {}
    for quote in table.itertuples(index=False):
        verb = _lexicon_form(str(quote.cue), verbs)
        row = rows.setdefault(verb, {"verb": verb, "speakers": [], "quotations": []})
        speaker = quote.speaker if isinstance(quote.speaker, str) else NOT_FOUND
        if speaker not in row["speakers"]:
            row["speakers"].append(speaker)
        row["quotations"].append(_span(quote.paragraph_start, quote.paragraph_end))
    result = pd.DataFrame(
        [{"verb": r["verb"], "speakers": ", ".join(r["speakers"]), "quotations": ", ".join(r["quotations"])}
         for r in rows.values()],
        columns=["verb", "speakers", "quotations"],
    )
    return result.merge(lexicon, on="verb", how="left").fillna("")


def _forms_of(verb: str) -> set[str]:
    """Every lexicon form that shares ``verb``'s root (``tegas`` → tegas, menegaskan), lower case.

    >>> sorted(_forms_of("tegas"))
    ['menegaskan', 'tegas']
    >>> sorted(_forms_of("Kata"))[:3]
    ['berkata', 'kata', 'mengatakan']
    """
    lexicon = reporting_verbs()
    word = verb.strip().lower()
    roots = set(lexicon.loc[lexicon["verb"] == word, "root"]) or set(lexicon.loc[lexicon["root"] == word, "root"])
    if not roots:
        return {word}
    return set(lexicon.loc[lexicon["root"].isin(roots), "verb"]) | {word}


def verb_uses(verb: str, articles=None, width: int = 45) -> pd.DataFrame:
    """Every use of a reporting verb, in all its forms (``tegas``: tegas, menegaskan, tegasnya), in the
    kit's articles (``data/articles/``) or in ``articles`` (names, paths or Articles), with its context.

    Read each row: who is the verb used for, and is it reporting speech at all?  Columns: article,
    paragraph, left, word, right.

    >>> uses = verb_uses("tegas", [Article.from_text("“Kami siap,” tegas Budi.", name="a")], width=12)
    >>> uses[["article", "word", "right"]].values.tolist()
    [['a', 'tegas', ' Budi.']]
    """
    if not isinstance(verb, str) or not verb.strip():
        raise KitError('verb_uses() looks for a reporting verb in quotes, for example verb_uses("tegas").')
    forms = _forms_of(verb)
    suffixed = {form + PRONOUN_SUFFIX for form in forms if form.isalpha()}
    rows = []
    for item in (available_articles() if articles is None else articles):
        article = _article(item)
        tokens = article.tokens
        lower = tokens["token"].str.lower()
        hits = tokens[lower.isin(forms | suffixed)]
        bounds = article.paragraphs.set_index("paragraph")[["start", "end"]]
        for hit in hits.itertuples(index=False):
            p_start, p_end = bounds.loc[hit.paragraph]
            rows.append({
                "article": article.name,
                "paragraph": int(hit.paragraph),
                "left": article.text[max(p_start, hit.start - width):hit.start],
                "word": hit.token,
                "right": article.text[hit.end:min(p_end, hit.end + width)],
            })
    return pd.DataFrame(rows, columns=["article", "paragraph", "left", "word", "right"])


def lexicon_words(article, width: int = 45) -> pd.DataFrame:
    """Every word of ``article`` that is in the reporting-verb lexicon, inside quotations or not, with context.

    A word list matches letters, not meanings: *jelas* is 'explained' after a quotation but 'clear' in
    *sangat jelas*.  Columns: paragraph, word, stance, gloss, context.

    >>> lexicon_words(Article.from_text("Sikap kami sangat jelas."))[["word", "gloss"]].values.tolist()
    [['jelas', 'explained (after a quote)']]
    """
    article = _article(article)
    lexicon = reporting_verbs()[["verb", "stance", "gloss"]].drop_duplicates("verb")
    tokens = article.tokens.assign(verb=article.tokens["token"].str.lower())
    found = tokens[tokens["verb"].isin(set(lexicon["verb"]))].merge(lexicon, on="verb", how="left")
    found["context"] = [article.text[max(0, s - width):e + width].replace("\n", " ")
                        for s, e in zip(found["start"], found["end"])]
    return found.rename(columns={"token": "word"})[["paragraph", "word", "stance", "gloss", "context"]]


# --- who is named: the capital-letter rule ------------------------------------------------------------

def _rule_words() -> tuple[set[str], set[str]]:
    """(titles, time words) the rule leaves out: the speaker-titles lexicon and the glossary's titles and time words."""
    terms = glossary()
    title_terms = terms.loc[terms["category"] == "title", "term"].str.lower()
    titles = set(word_list("speaker-titles")) | {word for term in title_terms for word in term.split()}
    time_words = set(terms.loc[terms["category"] == "time", "term"].str.lower())
    return titles, time_words


def _capital_names(article: Article, speakers) -> list[tuple[str, int]]:
    """(name, paragraph) for every name the capital-letter rule finds, in reading order.

    The rule: (1) words that start with a capital letter, (2) not the first word of a sentence or of a
    quotation unless the same word is capitalised inside a sentence too, (3) not titles, days or months,
    (4) neighbouring capitalised words joined into one name, (5) not the speakers' own names nor
    spellings close to them (Anthony for Antony).
    """
    titles, time_words = _rule_words()
    speaker_words = sorted({w.lower() for name in speakers if isinstance(name, str) for w in name.split()})
    tokens = article.tokens
    if tokens.empty:
        return []
    text = article.text
    tokens = tokens.assign(token=tokens["token"].str.replace(r"['’]s$", "", regex=True))  # "Ukraine's" names Ukraine
    lower = tokens["token"].str.lower()
    capital = tokens["token"].str[0].str.isupper()
    after_mark = tokens["start"].map(lambda i: i > 0 and text[i - 1] in OPENING_MARKS)
    first = ~tokens["sentence"].duplicated() | after_mark
    capital_inside = set(tokens.loc[capital & ~first, "token"])
    speaker_word = lower.map(lambda w: bool(get_close_matches(w, speaker_words, n=1, cutoff=0.85)))
    never = _never_named()
    keep = (capital & (~first | tokens["token"].isin(capital_inside))
            & ~lower.isin(titles) & ~lower.isin(time_words) & ~lower.isin(never) & ~speaker_word)
    names: list[list] = []
    previous = None
    for row, kept in zip(tokens.itertuples(index=False), keep):
        if not kept:
            previous = None
            continue
        if previous is not None and previous.sentence == row.sentence and text[previous.end:row.start] == " ":
            names[-1][0] += " " + row.token
        else:
            names.append([row.token, int(row.paragraph)])
        previous = row
    from .entities import is_fragment

    return [(name, paragraph) for name, paragraph in names if " " not in name or not is_fragment(name)]  # "North Korean"


def _never_named() -> frozenset[str]:
    """Capitalised words that never name a party: weekdays, months, nationality adjectives ("Russian")
    and words that never begin a source (``lexicons/sources.toml``)."""
    from .entities import _calendar_words, _nationalities, lexicon

    return _calendar_words() | _nationalities() | lexicon()["never_sources"]


def _phrase_mentions(article: Article, phrase: str) -> list[int]:
    """The paragraph of every whole-word, any-case use of ``phrase`` in ``article``."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", article.text, flags=re.IGNORECASE)]
    starts = article.paragraphs["start"].tolist()
    numbers = article.paragraphs["paragraph"].tolist()
    result = []
    for position in found:
        index = max(i for i, start in enumerate(starts) if start <= position) if starts else 0
        result.append(int(numbers[index]) if numbers else 1)
    return result


def _as_words(value, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    try:
        words = list(value)
    except TypeError:
        raise KitError(f"{what} is a list of words in quotes, for example [\"milisi\", \"warga Suriah\"].") from None
    if not all(isinstance(w, str) for w in words):
        raise KitError(f"{what} is a list of words in quotes, for example [\"milisi\", \"warga Suriah\"].")
    return [w.strip() for w in words if w.strip()]


def named_in_article(article, speakers, add=(), drop=()) -> pd.DataFrame:
    """Who the article names, by the capital-letter rule, with how often and where: a first draft.

    ``speakers`` are left out (they speak).  Improve the rule with ``add``, groups written without a
    capital letter (each word or phrase found as a whole word, in any case: ``["milisi", "warga Suriah"]``),
    and ``drop``, names that are not actors or that have a voice after all (any case).
    Columns: name, mentions, paragraphs.
    """
    article = _article(article)
    add, drop = _as_words(add, "add"), _as_words(drop, "drop")
    mentions: dict[str, list[int]] = {}
    for name, paragraph in _capital_names(article, list(speakers)):
        mentions.setdefault(name, []).append(paragraph)
    for phrase in add:
        mentions.pop(phrase, None)
        mentions[phrase] = _phrase_mentions(article, phrase)
    dropped = {d.lower() for d in drop}
    rows = [{"name": n, "mentions": len(p), "paragraphs": _paragraph_list(p)}
            for n, p in mentions.items() if n.lower() not in dropped and p]
    table = pd.DataFrame(rows, columns=["name", "mentions", "paragraphs"])
    return table.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


def voices_chart(article, quotes, add=(), drop=(), top: int = 25) -> pd.DataFrame:
    """Two charts side by side: who speaks (words quoted) and who the rule finds named, never quoted.

    Without ``add`` and ``drop`` the right chart is the capital-letter rule's first draft, titled as
    such; with them, your improved rule's second draft (see :func:`named_in_article`).  The right chart
    shows the ``top`` names most often named.  Returns the table of names it draws from, so you can see
    what to add and drop.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    article = _article(article)
    words = quoted_words(quotes).groupby("speaker", sort=False)["words"].sum().sort_values(ascending=False)
    reported = [s for s in _sources(article, quotes)["source"].dropna() if s not in words.index]
    named = named_in_article(article, [s for s in words.index if s != NOT_FOUND] + reported, add=add, drop=drop)
    improved = bool(_as_words(add, "add") or _as_words(drop, "drop"))

    shown = named.head(top)
    height = max(5.5, 0.32 * len(shown) + 1.5)  # room for every name the rule finds
    fig, (speaks, spoken_about) = plt.subplots(1, 2, figsize=(13, height), gridspec_kw={"width_ratios": [2, 3]})
    if words.empty:
        speaks.text(0.5, 0.5, "No quotations found", ha="center", va="center")
    else:
        bars = speaks.barh(words.index[::-1], words.values[::-1], color="#0072B2")
        speaks.bar_label(bars, padding=3)
        speaks.margins(x=0.15)
    speaks.set_xlabel("Words quoted")
    speaks.set_title("Who speaks")
    if shown.empty:
        spoken_about.text(0.5, 0.5, "No other names found", ha="center", va="center")
    else:
        bars = spoken_about.barh(shown["name"][::-1], shown["mentions"][::-1], color="#E69F00", hatch="//",
                                 edgecolor="black")
        spoken_about.bar_label(bars, padding=3)
        spoken_about.margins(x=0.1)
        spoken_about.xaxis.set_major_locator(MaxNLocator(integer=True))
    spoken_about.set_xlabel("Times named, not among the speakers")
    spoken_about.set_title(YOUR_RULE_TITLE if improved else FIRST_DRAFT_TITLE, fontsize="medium")
    fig.suptitle(f"Voices in {article.name}")
    fig.tight_layout()
    plt.show()
    return named


# --- sources: quoted and reported -------------------------------------------------------------------

SOURCE_TABLE_COLUMNS = ["source", "source_kind", "quoted", "partly quoted", "reported", "paragraphs"]
SOURCES_CHART_NOTE = ("What to look for: who is a source only in the reporter's words (reported), never in their own "
                      "(quoted); and which kinds of source (people, bodies, states, documents, unnamed people) the "
                      "article relies on.")


def _sources(article, quotes=None) -> pd.DataFrame:
    from .sources import find_sources

    article = _article(article)
    return find_sources(article, None if quotes is None else _quotes(quotes))


def sources_table(article, quotes=None) -> pd.DataFrame:
    """Every source of the article with how often it is quoted in full, quoted in part, or reported in the
    reporter's words (no quotation marks), most statements first.

    ``quotes`` (optional) is a quotes table to use for the quotations (a person's reading); reported
    speech is always the engine's reading (:func:`conflict_reading.sources.find_sources`): check it.

    >>> from conflict_reading import Article
    >>> sources_table(Article.from_text("Polisi mengatakan dua orang ditangkap. “Kami berjaga,” kata Budi.")).values.tolist()
    [['polisi', 'organisation', 0, 0, 1, '¶1'], ['Budi', 'person', 1, 0, 0, '¶1']]
    """
    found = _sources(article, quotes)
    found = found[found["source"].notna()]
    # one row per source however it is written: "the Houthis" and "Houthis", "Polisi" and "polisi"
    key = found["source"].str.lower().str.replace(r"^(?:the|a|an)\s+", "", regex=True)
    first = dict(zip(key[::-1], found["source"][::-1]))
    found = found.assign(source=key.map(first))
    rows = []
    for source, group in found.groupby("source", sort=False):
        rows.append({
            "source": source, "source_kind": group["source_kind"].iloc[0],
            "quoted": int((group["kind"] == "direct").sum()), "partly quoted": int((group["kind"] == "partial").sum()),
            "reported": int((group["kind"] == "indirect").sum()),
            "paragraphs": _paragraph_list(list(dict.fromkeys(group["paragraph"].tolist()))),
        })
    table = pd.DataFrame(rows, columns=SOURCE_TABLE_COLUMNS)
    total = table[["quoted", "partly quoted", "reported"]].sum(axis=1)
    return table.assign(_n=total).sort_values("_n", ascending=False, kind="stable").drop(columns="_n").reset_index(drop=True)


def sources_chart(article, quotes=None, top: int = 20) -> pd.DataFrame:
    """A bar per source: statements quoted in full, in part, and reported without quotation marks, with the
    kind of source beside each name.  Prints what to look for under the chart; returns :func:`sources_table`."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    table = sources_table(article, quotes)
    shown = table.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(11, max(3.5, 0.4 * len(shown) + 1.5)))
    if shown.empty:
        ax.text(0.5, 0.5, "No sources found", ha="center", va="center")
    else:
        labels = [f"{row.source} ({row.source_kind})" for row in shown.itertuples()]
        left = pd.Series(0, index=range(len(shown)))
        styles = [("quoted", "#0072B2", ""), ("partly quoted", "#56B4E9", ".."), ("reported", "#E69F00", "//")]
        for column, colour, hatch in styles:
            values = shown[column].to_numpy()
            ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="black", label=column)
            left = left + values
        ax.legend(loc="lower right")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Statements attributed to the source")
    ax.set_title(f"Sources in {_article(article).name}: quoted and reported")
    fig.tight_layout()
    plt.show()
    print(SOURCES_CHART_NOTE)
    return table


# --- the engine beside a person ----------------------------------------------------------------------

def compare_quotes(article, quotes) -> pd.DataFrame | None:
    """The engine's quotations (``quotes``) beside a person's (the hand annotation), one row per quotation.

    Quotations are matched by where they start in the text.  ``found_by`` says who found each (both,
    person only, engine only); ``how_person`` is how the person knew the speaker.  None, with one line
    saying so, if nobody annotated the article.
    """
    article = _article(article)
    records = _annotated_quotes(article)
    if records is None:
        print(f"There is no hand annotation of {article.name!r}, so there is nothing to compare the engine with. "
              "Your own list from the start of this lesson is a first draft of one: read the engine's `how` "
              "column, and check every row that is not 'explicit cue'.")
        return None
    person = pd.DataFrame(records, columns=QUOTE_COLUMNS).astype({"start": "int64"})
    engine = _quotes(quotes).dropna(subset=["start"]).astype({"start": "int64"})
    both = person.merge(engine, on="start", how="outer", suffixes=("_person", "_engine"), indicator="found_by")
    both["found_by"] = both["found_by"].map({"both": "both", "left_only": "person only", "right_only": "engine only"})
    both["paragraph"] = both["paragraph_start_person"].fillna(both["paragraph_start_engine"]).astype(int)
    both["quotation"] = both["text_person"].fillna(both["text_engine"]).astype(str).str.slice(0, 40) + "…"
    both = both.sort_values("start").reset_index(drop=True)
    agree = ((both["found_by"] == "both")
             & (both["speaker_person"].fillna("-") == both["speaker_engine"].fillna("-"))
             & (both["kind_person"] == both["kind_engine"]))
    print(f"The engine agrees with the person on {int(agree.sum())} of {len(person)} quotations "
          f"(found, same speaker, same kind); it found {len(engine)} in all.")
    return both[["paragraph", "quotation", "found_by", "kind_person", "kind_engine",
                 "speaker_person", "speaker_engine", "how_person", "how_engine"]]


def hard_cases(comparison) -> pd.DataFrame | None:
    """The rows of :func:`compare_quotes` whose speaker the person knew only from the text around them.

    >>> rows = pd.DataFrame({"how_person": ["explicit cue", "context"], "paragraph": [7, 25]})
    >>> hard_cases(rows)["paragraph"].tolist()
    [25]
    """
    if comparison is None:
        return None
    return comparison[comparison["how_person"].isin(FROM_CONTEXT)]


def last_paragraphs(article, count: int = 5) -> str:
    """The last ``count`` paragraphs of ``article`` as a sample for a walk-through: ``"21-25"`` of 25.

    >>> last_paragraphs("koalisi-isis-roma", 5)
    '21-25'
    """
    total = len(_article(article).paragraphs)
    return f"{max(1, total - int(count) + 1)}-{max(total, 1)}"
