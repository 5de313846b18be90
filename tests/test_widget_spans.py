"""The highlight widgets find each paragraph's spans by binary search: the same spans, in the
same order, as checking every span against every paragraph; and highlighting does not redo a
paragraph's work for spans elsewhere in a long text."""

from hypothesis import given
from hypothesis import strategies as st

from conflict_reading import Article
from conflict_reading.widgets.numbers import highlight_numbers
from conflict_reading.widgets.places import highlight_places
from conflict_reading.widgets.quotes import highlight_quotes
from conflict_reading.widgets.spans import spans_within


def every_span_checked(spans, start, end):
    """The rule the widgets used before: a span is in [start, end) if it shares a character with it."""
    return [span for span in spans if not (span[1] <= start or span[0] >= end)]


@st.composite
def disjoint_spans(draw):
    """Sorted spans that never overlap (some touching), as the widgets build them."""
    spans, pos = [], draw(st.integers(0, 5))
    for label in range(draw(st.integers(0, 30))):
        start = pos + draw(st.integers(0, 6))
        end = start + draw(st.integers(1, 8))
        spans.append((start, end, label))
        pos = end
    return spans


@given(disjoint_spans(), st.integers(-5, 250), st.integers(-5, 250))
def test_spans_within_is_the_same_as_checking_every_span(spans, start, end):
    ends = [span[1] for span in spans]
    assert spans_within(spans, ends, start, end) == every_span_checked(spans, start, end)


def test_a_span_over_two_paragraphs_is_in_both_and_touching_ones_are_not():
    spans = [(0, 5, "a"), (5, 12, "b"), (20, 30, "c")]
    ends = [5, 12, 30]
    assert [s[2] for s in spans_within(spans, ends, 5, 10)] == ["b"]  # "a" ends where it starts
    assert [s[2] for s in spans_within(spans, ends, 10, 25)] == ["b", "c"]
    assert spans_within(spans, ends, 12, 20) == []  # between two spans
    assert spans_within(spans, ends, 30, 40) == []


LONG = "\n\n".join(
    f"Menurut Budi, “Kami siap {n}.” Sebanyak {n} orang tiba di Jakarta pada {n % 28 + 1} Mei 2020."
    for n in range(1, 301)
)


def rows_in(text, word):
    at, rows = 0, []
    while (at := text.find(word, at)) >= 0:
        rows.append({"start": at, "end": at + len(word)})
        at += len(word)
    return rows


def test_every_highlight_marks_each_span_once_in_a_long_text():
    article = Article.from_text(LONG)
    assert len(article.paragraphs) == 300
    quotes = [{**row, "text": "Kami siap", "kind": "direct", "speaker": "Budi"} for row in rows_in(LONG, "Kami siap")]
    numbers = [{**row, "text": "orang", "kind": "count", "value": 1} for row in rows_in(LONG, "orang")]
    places = [{**row, "text": "Jakarta", "name": "Jakarta", "role": "event", "kind": "city"}
              for row in rows_in(LONG, "Jakarta")]
    quotes_html = highlight_quotes(article, quotes).html
    assert quotes_html.count('class="cr-quote cr-direct"') == 300
    assert quotes_html.count("[Budi]") == 301  # 300 labels and the legend's
    numbers_html = highlight_numbers(article, numbers).html
    assert numbers_html.count(">orang<") == 300
    places_html = highlight_places(article, places).html
    assert places_html.count(">Jakarta<") == 300
    # each paragraph keeps its own text, in order, with nothing painted twice
    for rendered in (quotes_html, numbers_html, places_html):
        assert rendered.count("<p ") == 300
        for n in (1, 2, 150, 299):  # paragraph n holds its own words, between its number and the next
            assert rendered.index(f"¶{n}<") < rendered.index(f"Sebanyak {n} ") < rendered.index(f"¶{n + 1}<")
