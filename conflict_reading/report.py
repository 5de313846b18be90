"""The teacher's reading report: one self-contained HTML file about any article.

    python -m conflict_reading report PATH -o REPORT.html

The report gathers what the reading engine finds (quotations and their
speakers, numbers, places) with the lessons' highlighted texts, a chart of whose
words fill the quotations, the offline map and a few questions for class: for a
teacher preparing a lesson on an article of their own.  It is one file that
needs nothing else to be read: no scripts, fonts or links out, images inline
(PNG), CSS in the page, print and phone layouts included.

>>> from conflict_reading import Article
>>> article = Article.from_text("Budi Santoso mengatakan, “Kami mengirim 40 truk ke Palu.”", name="contoh")
>>> page = reading_report(article)
>>> page.startswith("<!DOCTYPE html>"), "Budi Santoso" in page, "Palu" in page, "http://" in page
(True, True, True, False)
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import html
import io
import json
import os
import stat
import string
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from .article import Article, file_kind, load_article, message_name
from .errors import KitError
from .paths import annotations_dir
from .story import REPORTER, speech_spans, voice_at
from .story import UNKNOWN_SPEAKER as NOT_FOUND
from .text import count_words

GENERATOR = "conflict_reading report"
QUESTIONS_FILE = Path(__file__).parent / "lexicons" / "report-questions.toml"
LANGUAGES = {"id": "Indonesian", "en": "English"}
INVENTED_BANNER = "Invented practice text, not news"
FIGURE_KINDS = ("money", "percent", "count")
_SENTENCE_WINDOW = 160  # characters either side of a number shown from a very long sentence


# --- what the engine finds -----------------------------------------------------------------------

def _rows(table: pd.DataFrame | None) -> list[dict]:
    """A table's rows as dicts, missing values as None, sorted by ``start``."""
    if table is None or len(table) == 0:
        return []
    rows = []
    for row in table.to_dict("records"):
        clean = {k: (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in row.items()}
        for key in ("start", "end", "paragraph", "paragraph_start", "paragraph_end"):
            if clean.get(key) is not None:
                clean[key] = int(clean[key])
        value = clean.get("value")
        if isinstance(value, float) and value.is_integer():
            clean["value"] = int(value)
        rows.append(clean)
    return sorted(rows, key=lambda r: (r.get("start") or 0, r.get("end") or 0))


def _counted(n: int, noun: str) -> str:
    """``1 speaker``, ``2 speakers``.

    >>> _counted(1, "speaker"), _counted(3, "quotation")
    ('1 speaker', '3 quotations')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _join(items: list[str], limit: int = 6) -> str:
    """``A``, ``A and B``, ``A, B and C``; past ``limit``, ``… and N more``.

    >>> _join(["Syria", "Iraq", "Iran"]), _join(list("abcd"), limit=2)
    ('Syria, Iraq and Iran', 'a, b and 2 more')
    """
    items = list(items)
    if len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass
class Findings:
    """The engine's tables for one article, and the summaries the report shows."""

    article: Article
    quotes: pd.DataFrame
    numbers: pd.DataFrame
    places: pd.DataFrame

    @classmethod
    def of(cls, article: Article) -> "Findings":
        from .numbers import find_numbers
        from .places import find_places
        from .quotes import find_quotes

        return cls(article, find_quotes(article), find_numbers(article), find_places(article))

    @cached_property
    def speech(self) -> list[dict]:
        """Quotations that are someone's words (scare quotes left out)."""
        return [q for q in _rows(self.quotes) if q.get("kind") != "scare"]

    @cached_property
    def scare(self) -> list[dict]:
        return [q for q in _rows(self.quotes) if q.get("kind") == "scare"]

    @cached_property
    def speakers(self) -> list[dict]:
        """One row per speaker: speaker, quotations, words, share (of quoted words), cues; most words first."""
        stats: dict[str, dict] = {}
        for quote in self.speech:
            name = quote.get("speaker") or NOT_FOUND
            row = stats.setdefault(name, {"speaker": name, "quotations": 0, "words": 0, "cues": []})
            row["quotations"] += 1
            row["words"] += count_words(quote.get("text") or "")
            if quote.get("cue") and quote["cue"] not in row["cues"]:
                row["cues"].append(quote["cue"])
        total = sum(row["words"] for row in stats.values())
        for row in stats.values():
            row["share"] = row["words"] / total if total else 0.0
        return sorted(stats.values(), key=lambda r: (r["speaker"] == NOT_FOUND, -r["words"], -r["quotations"]))

    @cached_property
    def sources(self) -> pd.DataFrame:
        """Every attributed statement: the quotations again, and reported speech (``find_sources``)."""
        from .sources import find_sources

        return find_sources(self.article, self.quotes)

    @cached_property
    def reported(self) -> list[tuple[int, int, str]]:
        """(start, end, source) of each statement reported without quotation marks, in order."""
        rows = self.sources[self.sources["kind"] == "indirect"]
        return sorted(zip(rows["start"].astype(int), rows["end"].astype(int), rows["source"].astype(str)))

    @cached_property
    def named_speakers(self) -> list[dict]:
        return [row for row in self.speakers if row["speaker"] != NOT_FOUND]

    @cached_property
    def numbers_list(self) -> list[dict]:
        """The numbers, each with ``voice`` (the speaker when inside a quotation, else ``reporter``)
        and ``sentence`` (start, end of the sentence that holds it)."""
        spans = speech_spans(self.quotes.dropna(subset=["start", "end"])) if len(self.quotes) else []
        sentences = self.article.sentences
        sentence_starts, sentence_ends = sentences["start"].tolist(), sentences["end"].tolist()
        result = []
        for number in _rows(self.numbers):
            voice = voice_at(number["start"], spans)
            j = max(0, bisect.bisect_right(sentence_starts, number["start"]) - 1)
            sentence = (sentence_starts[j], sentence_ends[j]) if sentence_starts else (number["start"], number["end"])
            reported = next((who for a, b, who in self.reported if a <= number["start"] < b), None)
            result.append({**number, "voice": voice, "sentence": sentence,
                           "reported_from": reported if voice == REPORTER else None})
        return result

    @cached_property
    def places_list(self) -> list[dict]:
        """One row per place (by English name): name, written, kind, mentions, roles, paragraphs, lat, lon."""
        places: dict[str, dict] = {}
        for mention in _rows(self.places):
            name = mention.get("name") or mention.get("text")
            row = places.setdefault(name, {"name": name, "written": [], "kind": mention.get("kind"), "mentions": 0,
                                           "roles": Counter(), "paragraphs": [], "lat": mention.get("lat"),
                                           "lon": mention.get("lon")})
            row["mentions"] += 1
            if mention.get("text") not in row["written"]:
                row["written"].append(mention.get("text"))
            row["roles"][mention.get("role") or "other"] += 1
            if mention.get("paragraph") is not None and mention["paragraph"] not in row["paragraphs"]:
                row["paragraphs"].append(mention["paragraph"])
        return sorted(places.values(), key=lambda r: -r["mentions"])  # stable: first named first among equals

    @cached_property
    def figures(self) -> list[dict]:
        """Distinct figures that carry weight (money, percents, counts of 10 or more), biggest money first.

        Each: text (first as written), value, unit, kind, mentions.
        """
        groups: dict[tuple, dict] = {}
        for number in self.numbers_list:
            kind, value = number.get("kind"), number.get("value")
            if kind not in FIGURE_KINDS or not isinstance(value, (int, float)):
                continue
            if kind == "count" and value < 10:
                continue
            key = (kind, value, number.get("unit"))
            group = groups.setdefault(key, {**number, "mentions": 0})
            group["mentions"] += 1
        return sorted(groups.values(), key=lambda g: (FIGURE_KINDS.index(g["kind"]), -g["value"]))


# --- the hand annotation, where there is one -----------------------------------------------------

_AGREEMENT_KEYS = {
    "quotes": ("start", "end", "speaker"),
    "numbers": ("start", "end", "kind"),
    "places": ("start", "end", "name"),
}


def annotation_agreement(findings: Findings) -> dict | None:
    """How the engine's tables compare with the article's hand annotation, or None if it has none.

    The annotation is ``data/annotations/<name>.json``; it is used only if its
    spans are spans of this very text.  Result: ``path``, ``usable`` and, per
    part (quotes, numbers, places), ``(engine, annotated, agreeing)`` counts.
    """
    path = annotations_dir() / f"{findings.article.name}.json"
    if not path.is_file():
        return None
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"path": path, "usable": False}
    text = findings.article.text
    result: dict = {"path": path, "usable": True}
    engine_tables = {"quotes": findings.quotes, "numbers": findings.numbers, "places": findings.places}
    for part, keys in _AGREEMENT_KEYS.items():
        records = gold.get(part)
        if not isinstance(records, list):
            continue
        try:
            if any(text[r["start"]:r["end"]] != r["text"] for r in records):
                return {"path": path, "usable": False}  # an annotation of another text of the same name
            gold_keys = Counter(tuple(r.get(k) for k in keys) for r in records)
        except (KeyError, TypeError):
            return {"path": path, "usable": False}
        engine_keys = Counter(tuple(r.get(k) for k in keys) for r in _rows(engine_tables[part]))
        result[part] = (sum(engine_keys.values()), sum(gold_keys.values()), sum((engine_keys & gold_keys).values()))
    return result


# --- questions for class -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def question_templates() -> tuple[dict, ...]:
    """The question templates of ``lexicons/report-questions.toml``."""
    with open(QUESTIONS_FILE, "rb") as handle:
        return tuple(tomllib.load(handle).get("question", []))


def report_facts(findings: Findings) -> dict:
    """The facts the question templates are filled with (see ``report-questions.toml``)."""
    speakers = findings.named_speakers
    numbers = findings.numbers_list
    places = findings.places_list
    quoted_numbers = [n for n in numbers if n["voice"] != REPORTER]
    quoted_words = sum(row["words"] for row in findings.speakers)
    article_words = findings.article.word_count
    money = [f for f in findings.figures if f["kind"] == "money"]
    repeated = [f for f in findings.figures if f["mentions"] > 1]
    vague = list(dict.fromkeys(
        " ".join(filter(None, [n.get("text"), n.get("unit")])) for n in numbers if n.get("kind") == "vague"))
    actor_only = [p["name"] for p in places if set(p["roles"]) == {"actor"}]
    unattributed = sum(1 for q in findings.speech if not q.get("speaker"))
    top = speakers[0] if speakers else None
    share = round(100 * top["share"]) if top and len(speakers) > 1 else 0
    from .widgets.numbers import format_value

    return {
        "quote_count": len(findings.speech), "quotes_counted": _counted(len(findings.speech), "quotation"),
        "scare_count": len(findings.scare), "scare_counted": _counted(len(findings.scare), "scare quote"),
        "scare_count_times": "once" if len(findings.scare) == 1 else f"{len(findings.scare)} times",
        "no_quotes": int(not findings.speech),
        "speaker_count": len(speakers), "speakers_counted": _counted(len(speakers), "speaker"),
        "speaker_verb": "is" if len(speakers) == 1 else "are",
        "speakers": _join([row["speaker"] for row in speakers]),
        "top_speaker": top["speaker"] if top else "", "top_speaker_words": top["words"] if top else 0,
        "top_speaker_share": share,
        "unattributed_count": unattributed, "unattributed_counted": _counted(unattributed, "quotation"),
        "quoted_word_share": round(100 * quoted_words / article_words) if article_words else 0,
        "number_count": len(numbers), "numbers_counted": _counted(len(numbers), "number"),
        "quoted_number_count": len(quoted_numbers),
        "quoted_numbers_counted": str(len(quoted_numbers)),
        "quoted_number_verb": "sits" if len(quoted_numbers) == 1 else "sit",
        "reporter_number_count": len(numbers) - len(quoted_numbers),
        "money_count": len(money),
        "money_list": _join([f"{m['text']} ({format_value(m)})" for m in money]),
        "repeated_figure_count": len(repeated),
        "repeated_figures": _join([f"{f['text']} ({f['mentions']} times)" for f in repeated]),
        "vague_count": len(vague), "vague_list": _join(vague),
        "place_count": len(places), "places_counted": _counted(len(places), "place"),
        "mention_count": sum(p["mentions"] for p in places),
        "top_place": places[0]["name"] if places else "",
        "top_place_mentions": places[0]["mentions"] if places else 0,
        "actor_only_count": len(actor_only), "actor_only_places": _join(actor_only),
    }


def template_fields(template: str) -> set[str]:
    """The ``{name}`` placeholders of a template.

    >>> sorted(template_fields("Only {speakers_counted}: {speakers}."))
    ['speakers', 'speakers_counted']
    """
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def class_questions(facts: dict) -> list[str]:
    """The questions whose condition holds for these facts, filled in, in the file's order."""
    questions = []
    for question in question_templates():
        value = facts.get(question.get("when"), 0)
        if not isinstance(value, (int, float)) or value < question.get("at_least", 1):
            continue
        if "at_most" in question and value > question["at_most"]:
            continue
        questions.append(question["text"].format_map(facts))
    return questions


# --- HTML pieces -----------------------------------------------------------------------------------

def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def _table(caption: str, headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
           table_class: str = "") -> str:
    """A table with a caption and ``<th scope="col">`` headers; cells are HTML already escaped."""
    def cell(i: int, tag: str, body: str, extra: str = "") -> str:
        cls = ' class="num"' if i in numeric else ""
        return f"<{tag}{cls}{extra}>{body}</{tag}>"

    head = "".join(cell(i, "th", _e(h), ' scope="col"') for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell(i, "td", c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    cls = f' class="{table_class}"' if table_class else ""
    return (f'<div class="table-wrap"><table{cls}><caption>{_e(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _png(figure, alt: str, caption: str) -> str:
    """A matplotlib Figure as an inline PNG in a <figure> with alt text and a caption."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight", facecolor="white")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{_e(alt)}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def voices_chart(speakers: list[dict], limit: int = 12):
    """A horizontal bar chart of words quoted per speaker (a matplotlib Figure), or None."""
    from matplotlib.figure import Figure

    from .widgets.quotes import speaker_colours

    rows = speakers[:limit]
    if not rows:
        return None
    colours = speaker_colours([r["speaker"] for r in rows if r["speaker"] != NOT_FOUND])
    figure = Figure(figsize=(8, 0.9 + 0.5 * len(rows)))
    ax = figure.subplots()
    names = [r["speaker"] for r in rows][::-1]
    words = [r["words"] for r in rows][::-1]
    bars = ax.barh(names, words, color=[colours.get(n, "#BBBBBB") for n in names], edgecolor="black", linewidth=0.6)
    for bar, row in zip(bars, rows[::-1]):  # the figures are written out: colour is never the only signal
        ax.annotate(f"{row['words']} words ({_percent(row['share'])})",
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=10)
    ax.set_xlabel("words quoted")
    ax.set_xlim(0, max(words) * 1.35 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Whose words fill the quotations", fontsize=12, loc="left")
    return figure


def _map_figure(places: pd.DataFrame):
    from matplotlib.figure import Figure

    from .maps import place_map

    figure = Figure(figsize=(12, 6.5))
    place_map(places, ax=figure.subplots(), title="Where the article's places are (point size: mentions)")
    return figure  # place_map sets figure.map_view: what the map shows


# --- the sections ------------------------------------------------------------------------------------

def _format_date(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def _header(article: Article) -> str:
    meta = article.metadata
    title = meta.get("title") or article.name
    original = meta.get("title_id") or meta.get("title_en")
    facts = [
        ("Article", _e(article.path.name if article.path else article.name)),
        ("Source", _e(meta.get("source") or "not recorded")),
        ("Date", _e(_format_date(meta["event_date"])) if meta.get("event_date") else "not recorded"),
        ("Language", _e(f"{LANGUAGES.get(article.language, article.language)} ({article.language})")),
        ("Length", _e(f"{article.word_count:,} words, {len(article.paragraphs)} paragraphs, "
                      f"{len(article.sentences)} sentences")),
    ]
    if meta.get("provenance"):
        facts.append(("Provenance", _e(meta["provenance"])))
    banner = ""
    if meta.get("invented") is True:
        note = str(meta.get("note") or "").strip()
        if note.lower().startswith(INVENTED_BANNER.lower()):  # the note may open with the banner's own words
            note = note[len(INVENTED_BANNER):].lstrip(" .:;,–-")
        note = f" {_e(note)}" if note else ""
        banner = (f'<p class="banner" role="note"><strong>{INVENTED_BANNER}.</strong>{note}</p>')
    subtitle = ""
    if original and original != title:
        subtitle = f'<p class="subtitle" lang="{_e(article.language)}">{_e(original)}</p>'
    rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return (f"<header><p class=\"kicker\">Reading report for teachers</p><h1>{_e(title)}</h1>{subtitle}"
            f"{banner}<dl class=\"facts\">{rows}</dl></header>")


def _nav() -> str:
    links = [("glance", "At a glance"), ("speakers", "Who speaks"), ("numbers", "Numbers"), ("places", "Places"),
             ("questions", "Questions for class")]
    items = "".join(f'<li><a href="#{anchor}">{_e(label)}</a></li>' for anchor, label in links)
    return f'<nav aria-label="Sections"><ul>{items}</ul></nav>'


def _annotation_note(agreement: dict | None) -> str:
    if agreement is None:
        return ("<p class=\"note\">Every table in this report comes from the kit's engine; there is no hand "
                "annotation of this article to compare it with.</p>")
    where = "/".join(agreement["path"].parts[-3:])
    if not agreement["usable"]:
        return (f'<p class="note">Every table in this report comes from the kit\'s engine. The hand annotation '
                f"<code>{_e(where)}</code> has the same name but does not fit this text, so it was not compared.</p>")
    parts = []
    for part, noun in (("quotes", "quotations (same span and speaker)"), ("numbers", "numbers (same span and kind)"),
                       ("places", "place mentions (same span and place)")):
        if part in agreement:
            engine, gold, agree = agreement[part]
            parts.append(f"{noun}: {agree} of the {gold} annotated, the engine found {engine}")
    compared = f" Compared with it: {_e('; '.join(parts))}." if parts else ""
    return (f'<p class="note">A hand annotation of this article exists (<code>{_e(where)}</code>). Every table in '
            f"this report comes from the engine, not from the annotation.{compared}</p>")


def _figure_text(figure: dict) -> str:
    """A figure as written, with its value where that says more: ``436 juta dolar = 436,000,000 USD``.

    >>> _figure_text({"text": "77", "value": 77, "unit": "negara", "kind": "count"})
    '77 negara'
    >>> _figure_text({"text": "13,5 miliar dolar", "value": 13500000000, "unit": "USD", "kind": "money"})
    '13,5 miliar dolar = 13,500,000,000 USD'
    """
    from .widgets.numbers import format_value

    value = format_value(figure)
    unit = f" {figure['unit']}" if figure.get("unit") and figure.get("kind") == "count" else ""
    if value == figure.get("text"):
        return f"{value}{unit}"
    return f"{figure.get('text')} = {value}{unit}"


def _glance(findings: Findings, agreement: dict | None) -> str:
    places = findings.places_list
    mentions = sum(p["mentions"] for p in places)
    scare = f", and {_counted(len(findings.scare), 'scare quote')}" if findings.scare else ""
    quoted_numbers = sum(n["voice"] != REPORTER for n in findings.numbers_list)
    cards = [
        (len(findings.speech), "quotations", f"speech{scare}"),
        (len(findings.named_speakers), "speakers", "named"),
        (len(findings.numbers_list), "numbers", f"{quoted_numbers} inside quotations"),
        (len(places), "places", _counted(mentions, "mention")),
    ]
    card_html = "".join(f'<li><span class="n">{n:,}</span> {_e(label)}<span class="sub">{_e(sub)}</span></li>'
                        for n, label, sub in cards)
    speakers = [f"{_e(r['speaker'])}: {_counted(r['words'], 'word')} ({_percent(r['share'])})"
                for r in findings.named_speakers[:3]] or ["nobody is quoted"]
    figures = [_e(_figure_text(f)) + (f" ({f['mentions']} times)" if f["mentions"] > 1 else "")
               for f in findings.figures[:3]] or ["none"]
    top_places = [f"{_e(p['name'])}: {_counted(p['mentions'], 'mention')}" for p in places[:3]] or ["none"]

    def column(title: str, items: list[str]) -> str:
        return f'<div><h3>{_e(title)}</h3><ul>{"".join(f"<li>{i}</li>" for i in items)}</ul></div>'

    return (f'<section id="glance" aria-labelledby="glance-h"><h2 id="glance-h">At a glance</h2>'
            f'<ul class="counts">{card_html}</ul><div class="columns">'
            f"{column('Most quoted words', speakers)}{column('Figures that carry the story', figures)}"
            f"{column('Places named most', top_places)}</div>{_annotation_note(agreement)}</section>")


def _speakers_section(findings: Findings) -> str:
    from .widgets.quotes import highlight_quotes

    speakers = findings.speakers
    quoted = sum(r["words"] for r in speakers)
    words = findings.article.word_count
    summary = (f"{_counted(len(findings.speech), 'quotation')} from "
               f"{_counted(len(findings.named_speakers), 'named speaker')}"
               + (f", {_counted(len(findings.scare), 'scare quote')}" if findings.scare else "")
               + f". Quoted words: {quoted:,} of the article's {words:,} ({_percent(quoted / words if words else 0)}).")
    parts = ['<section id="speakers" aria-labelledby="speakers-h"><h2 id="speakers-h">Who speaks</h2>'
             f"<p>{_e(summary)}</p>"]
    if speakers:
        rows = [[_e(r["speaker"]), str(r["quotations"]), f"{r['words']:,}", _percent(r["share"]),
                 _e(", ".join(r["cues"]) or "none")] for r in speakers]
        headers = ["Speaker", "Quotations", "Words", "Share of quoted words", "Reporting verbs"]
        parts.append(_table("Speakers, most quoted words first", headers, rows, numeric={1, 2, 3}))
        figure = voices_chart(speakers)
        alt = "Bar chart of words quoted per speaker: " + "; ".join(
            f"{r['speaker']} {r['words']} words ({_percent(r['share'])})" for r in speakers[:12]) + "."
        parts.append(_png(figure, alt, "Words quoted per speaker (scare quotes left out)."))
    parts.append(_sources_part(findings))
    parts.append("<h3>The article with its quotations</h3><p class=\"small\">Each quotation is labelled "
                 "[Speaker] before it; a partial quotation is dashed, a scare quote dotted.</p>")
    parts.append(highlight_quotes(findings.article, findings.quotes).html)
    parts.append("</section>")
    return "".join(parts)


def _sources_part(findings: Findings) -> str:
    """Sources quoted and reported, by kind of source: a table and one sentence."""
    from .voices import sources_table

    table = sources_table(findings.article, findings.quotes)
    reported = int(table["reported"].sum()) if len(table) else 0
    kinds = Counter(table["source_kind"].dropna()) if len(table) else Counter()
    sentence = (f"{_counted(len(table), 'source')}: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
                + f". {_counted(reported, 'statement')} reported in the reporter's words, without quotation marks "
                "(found by rules: check them against the text).") if len(table) else "No sources found."
    parts = ['<h3>Sources, quoted and reported</h3>', f"<p>{_e(sentence)}</p>"]
    if len(table):
        rows = [[_e(r.source), _e(r.source_kind), str(r.quoted), str(r._4), str(r.reported), _e(r.paragraphs)]
                for r in table.itertuples()]
        parts.append(_table("Sources, most statements first", ["Source", "Kind", "Quoted", "Partly quoted",
                                                               "Reported", "Paragraphs"], rows, numeric={2, 3, 4}))
    return "".join(parts)


def _number_sentence(text: str, number: dict) -> str:
    start, end = number["sentence"]
    a, b = max(start, number["start"]), min(max(end, number["start"]), number["end"])
    lead, tail = start, end
    prefix = suffix = ""
    if a - start > _SENTENCE_WINDOW:  # cut at a space, never inside a word
        space = text.find(" ", a - _SENTENCE_WINDOW, a)
        lead, prefix = (space + 1 if space >= 0 else a - _SENTENCE_WINDOW), "…"
    if end - b > _SENTENCE_WINDOW:
        space = text.rfind(" ", b, b + _SENTENCE_WINDOW)
        tail, suffix = (space if space >= 0 else b + _SENTENCE_WINDOW), "…"
    return (f"{prefix}{_e(text[lead:a])}<strong>{_e(text[a:b])}</strong>{_e(text[b:tail])}{suffix}")


@lru_cache(maxsize=1)
def _glosses() -> dict[str, str]:
    """Indonesian word → English gloss, from the kit's glossary; empty if it cannot be read
    (a gloss is a help in the report, never a reason for it to fail)."""
    from .explore import glossary

    try:
        table = glossary()
    except (OSError, ValueError):  # pandas' ParserError is a ValueError
        return {}
    return {str(t).lower(): g for t, g in zip(table["term"], table["gloss"]) if g}


def _unit(number: dict, language: str) -> str:
    unit = number.get("unit")
    if not unit:
        return ""
    gloss = _glosses().get(str(unit).lower()) if language == "id" else None
    return _e(unit) + (f' <span class="gloss">({_e(gloss)})</span>' if gloss else "")


def _numbers_section(findings: Findings) -> str:
    from .widgets.numbers import KIND_DESCRIPTIONS, format_value, highlight_numbers

    numbers = findings.numbers_list
    text = findings.article.text
    quoted = sum(n["voice"] != REPORTER for n in numbers)
    kinds = Counter(n.get("kind") or "other" for n in numbers)
    reported = sum(bool(n.get("reported_from")) for n in numbers)
    summary = (f"{_counted(len(numbers), 'number')}: {quoted} inside quotations (the speaker's claim), "
               f"{reported} reported from a source without quotation marks, "
               f"{len(numbers) - quoted - reported} in the reporter's own voice with no source.")
    parts = [f'<section id="numbers" aria-labelledby="numbers-h"><h2 id="numbers-h">Numbers</h2><p>{_e(summary)}</p>']
    if kinds:
        parts.append("<p>Kinds: " + _e(", ".join(f"{kind} {n} ({KIND_DESCRIPTIONS.get(kind, 'other')})"
                                                 for kind, n in kinds.most_common())) + ".</p>")
    if numbers:
        rows = []
        for i, n in enumerate(numbers, start=1):
            voice = (f"quoted: {n['voice']}" if n["voice"] != REPORTER
                     else f"reported: {n['reported_from']}" if n.get("reported_from") else "reporter")
            rows.append([str(i), f"¶{n.get('paragraph') or '?'}", _e(n.get("text")), _e(format_value(n)),
                         _unit(n, findings.article.language), _e(n.get("kind")), _e(voice), _number_sentence(text, n)])
        parts.append(_table("Every number, in reading order", ["#", "¶", "As written", "Value", "Unit", "Kind",
                                                               "Whose voice", "Sentence"], rows, numeric={0},
                            table_class="numbers"))
        parts.append('<details><summary>The article with its numbers highlighted</summary>'
                     f"{highlight_numbers(findings.article, findings.numbers).html}</details>")
    parts.append("</section>")
    return "".join(parts)


def _places_section(findings: Findings) -> str:
    from .widgets.places import ROLE_DESCRIPTIONS, highlight_places

    places = findings.places_list
    mentions = sum(p["mentions"] for p in places)
    unmapped = [p["name"] for p in places if p["lat"] is None or p["lon"] is None]
    summary = f"{_counted(mentions, 'mention')} of {_counted(len(places), 'place')}."
    parts = [f'<section id="places" aria-labelledby="places-h"><h2 id="places-h">Places</h2><p>{_e(summary)} '
             "Role: what the name stands for in its sentence: "
             + _e("; ".join(f"{role}: {text}" for role, text in ROLE_DESCRIPTIONS.items())) + ".</p>"]
    if places:
        rows = []
        for p in places:
            roles = ", ".join(f"{role} {n}" for role, n in p["roles"].most_common())
            paragraphs = ", ".join(f"¶{n}" for n in p["paragraphs"][:12])
            paragraphs += " …" if len(p["paragraphs"]) > 12 else ""
            rows.append([_e(p["name"]), _e(", ".join(p["written"])), _e(p["kind"]), str(p["mentions"]), _e(roles),
                         _e(paragraphs)])
        parts.append(_table("Places, most mentioned first", ["Place", "As written", "Kind", "Mentions", "Roles",
                                                             "Paragraphs"], rows, numeric={3}))
        mapped = [p for p in places if p["name"] not in unmapped]
        if mapped:
            alt = ("World map of the article's places, point size by mentions, colour and shape by role: "
                   + "; ".join(f"{p['name']} {p['mentions']}" for p in mapped[:10])
                   + (f"; and {len(mapped) - 10} more" if len(mapped) > 10 else "") + ".")
            figure = _map_figure(findings.places)
            caption = figure.map_view.describe()
            if unmapped:
                caption += f" Not on the map (no known point): {_join(unmapped)}."
            parts.append(_png(figure, alt, caption))
        parts.append('<details><summary>The article with its places highlighted</summary>'
                     f"{highlight_places(findings.article, findings.places).html}</details>")
    parts.append("</section>")
    return "".join(parts)


def _questions_section(findings: Findings) -> str:
    questions = class_questions(report_facts(findings))
    items = "".join(f"<li>{_e(q)}</li>" for q in questions) or "<li>Who is quoted, and who is only spoken about?</li>"
    return (f'<section id="questions" aria-labelledby="questions-h"><h2 id="questions-h">Questions for class</h2>'
            "<p>Made from the findings above: check each against the text before asking it.</p>"
            f"<ol>{items}</ol></section>")


def _footer(generated: dt.date) -> str:
    from . import __version__

    return ("<footer><p>The figures in this report come from the Reading Conflict Reporting kit's rules-based "
            "engine (word lists and rules, no machine learning) and can be wrong: a missed quotation, a speaker "
            "given to the wrong person, a number read wrongly, a place not found. Check them against the text "
            f"before class.</p><p>Reading Conflict Reporting kit, version {_e(__version__)}; report made on "
            f"{_e(_format_date(generated))}.</p></footer>")


STYLE = """
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;line-height:1.5;
color:#111;background:#fff;margin:0 auto;max-width:64em;padding:1em 1.2em}
h1{font-size:1.8em;margin:.1em 0 .2em;line-height:1.2}
h2{font-size:1.4em;border-bottom:3px solid #0072B2;padding-bottom:.15em;margin-top:1.8em}
h3{font-size:1.1em;margin:1.2em 0 .4em}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.85em;color:#595959;margin:0}
.subtitle{font-style:italic;color:#333;margin:0 0 .6em}
.banner{border:3px solid #D55E00;background:#fdf0e6;padding:.6em .8em;font-size:1.1em;margin:.6em 0}
.banner strong::before{content:"\\26A0  "}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.6em 0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
nav ul{list-style:none;padding:0;margin:1em 0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
nav a{color:#0059a0}
ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.6em}
ul.counts li{border:1px solid #bbb;border-radius:6px;padding:.4em .9em;min-width:8em;text-align:center}
ul.counts .n{display:block;font-size:1.9em;font-weight:bold;line-height:1.1}
ul.counts .sub{display:block;font-size:.85em;color:#595959}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(15em,1fr));gap:0 1.5em}
.note{background:#f4f4f4;border-left:4px solid #0072B2;padding:.5em .8em}
.small,.gloss{font-size:.9em;color:#444}
.table-wrap{overflow-x:auto;margin:.6em 0 1em}
table{border-collapse:collapse;width:100%;font-size:.95em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #c8c8c8;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef2f6}
.num{text-align:right;font-variant-numeric:tabular-nums}
table.numbers td:last-child{min-width:18em}
figure{margin:1em 0}
figure img{max-width:100%;height:auto;border:1px solid #ddd}
figcaption{font-size:.9em;color:#444}
details{margin:1em 0}
summary{cursor:pointer;font-weight:bold}
code{font-size:.95em}
footer{margin-top:2.5em;border-top:1px solid #bbb;font-size:.9em;color:#333}
@media (max-width:600px){body{padding:.6em;font-size:15px}h1{font-size:1.4em}
dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.3em}ul.counts li{min-width:6.5em}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10.5pt}
nav{display:none}
h2{break-after:avoid}
h3{break-after:avoid}
tr,figure,ul.counts li,.banner{break-inside:avoid}
thead{display:table-header-group}
.table-wrap{overflow:visible}
a{color:inherit;text-decoration:none}
.cr-highlight{max-width:none!important}
}
"""


def reading_report(article: Article, findings: Findings | None = None, generated: dt.date | None = None) -> str:
    """The reading report of ``article`` as one self-contained HTML page (a string).

    ``findings`` are the engine's tables (found here if not given); ``generated``
    is the date printed in the footer (today if not given).
    """
    findings = findings or Findings.of(article)
    agreement = annotation_agreement(findings)
    title = article.metadata.get("title") or article.name
    body = "".join([
        _header(article), _nav(), _glance(findings, agreement), _speakers_section(findings),
        _numbers_section(findings), _places_section(findings), _questions_section(findings),
        _footer(generated or dt.date.today()),
    ])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="{GENERATOR}">'
            f"<title>Reading report: {_e(title)}</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>\n")


# --- writing the file ----------------------------------------------------------------------------------

def is_report(path: Path) -> bool:
    """Is the file at ``path`` a reading report this module wrote (so it may be replaced)?

    Only a regular file can be one: anything else (a FIFO, whose opening would
    wait for a writer, a device, a folder) is not opened at all.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(handle, "rb") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return False
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


def default_output(article: Article) -> Path:
    """``<article>-report.html`` in the current folder."""
    return Path.cwd() / f"{article.name}-report.html"


def _output_path(article: Article, out, force: bool) -> Path:
    """Where to write, after the checks that protect other files; raises KitError.

    A folder means the default file name in it.  A name that exists and is not a
    regular file (a FIFO, a device, a socket) is refused, even with ``force``:
    writing there would hang or replace something that is not a file.
    """
    if out is not None and not isinstance(out, (str, os.PathLike)):
        raise KitError(f"The report's file name is a name or a path in quotes, not a {type(out).__name__}.")
    try:
        out = Path(out).expanduser() if out else default_output(article)
    except RuntimeError:  # "~someone/…" for a user this machine does not know
        raise KitError(f"Cannot find the home folder that {message_name(out)} starts with: "
                       "write the whole path instead of ~.") from None
    try:
        if out.is_dir():
            out = out / default_output(article).name
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.exists():
            raise KitError(f"Cannot write {message_name(out)}: the folder {message_name(parent)} does not exist.")
        if not parent.is_dir():
            raise KitError(f"Cannot write {message_name(out)}: {message_name(parent)} is a file, not a folder.")
        try:
            existing = os.stat(out)
        except FileNotFoundError:  # nothing there (or a link to nothing, which the report replaces)
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise KitError(f"{message_name(out)} exists and is {file_kind(existing.st_mode)}, not a regular file: "
                           "choose another name with -o.")
        if article.path is not None and existing is not None and out.resolve() == article.path.resolve():
            raise KitError(f"Will not write the report over the article itself ({message_name(out)}): "
                           "choose another name with -o.")
    except OSError as error:  # a name too long for a file name, a folder that cannot be read
        raise KitError(f"Cannot write {message_name(out)}: {error.strerror or error}.") from None
    except ValueError:  # a NUL character in the name
        raise KitError(f"Cannot write {message_name(out)}: a file name cannot hold a NUL character.") from None
    if existing is not None and not force and not is_report(out):
        raise KitError(f"{message_name(out)} exists and is not a reading report: choose another name with -o, "
                       "or add --force to replace it.")
    return out


def _write_atomically(out: Path, content: str) -> None:
    """Write ``content`` to ``out`` whole or not at all: an old file is never left half-written."""
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
        temporary = None
    except OSError as error:
        raise KitError(f"Cannot write {out}: {error.strerror or error}.") from None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def write_report(path, out=None, *, language: str = "auto", force: bool = False,
                 generated: dt.date | None = None) -> Path:
    """Write the reading report of the article at ``path`` (a .txt file or a kit article name).

    ``out`` defaults to ``<article>-report.html`` in the current folder; a folder
    means that file name in it.  A file that is not a previous report is never
    replaced without ``force``.  Returns the path written.  Bad input raises
    :class:`KitError` with a one-line message.
    """
    article = load_article(path, language=language)
    target = _output_path(article, out, force)
    _write_atomically(target, reading_report(article, generated=generated))
    return target
