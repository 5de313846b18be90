"""Speed of the reading engine: extraction time per 1,000 words, on 100 kB and 1 MB, and its memory.

    .venv/bin/python benchmarks/extraction.py [--no-1mb]

"Extraction" is what ``python -m conflict_reading extract`` does after reading
the file: build the :class:`~conflict_reading.Article` from the text (paragraph
spans, language detection), split it into sentences (Punkt, which the quote
finder needs), then ``find_quotes``, ``find_sources`` (reported speech, issue 14), ``find_numbers``
and ``find_places``.
Every timed run builds a new Article, so sentence splitting is always
included; runs are *warm*: one untimed run first loads the lexicons, the
gazetteer and the Punkt parameters.

The long texts are made of real paragraphs (the seed article and the
development set), shuffled with a fixed seed, repeated until the size is
reached: the same text on every run and every machine.

``quotes_20000_unmatched_marks_s`` (issue 12) times ``find_quotes`` alone on a
paragraph of 20,000 opening quotation marks that never close, for each kind of
mark (“ " « „ and the four in turn), and keeps the slowest kind's median: the
sentences are split before the clock starts.  Before quote scanning was made
linear, 10,000 such “ took 2.7 s and 20,000 took 10 s on the development machine.

>>> text = corpus_text(2_000)
>>> 2_000 <= len(text.encode("utf-8")) < 3_000, text == corpus_text(2_000)
(True, True)
>>> seed = seed_text(1_000)
>>> count_words(seed) >= 1_000
True
>>> unmatched_marks_text(3, "curly"), unmatched_marks_text(4, "mixed")
('Kata dia “a “a “a ', 'Kata dia “a  "a«a „a ')
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from conflict_reading import Article  # noqa: E402
from conflict_reading.numbers import find_numbers  # noqa: E402
from conflict_reading.places import find_places  # noqa: E402
from conflict_reading.quotes import find_quotes  # noqa: E402
from conflict_reading.sources import find_sources  # noqa: E402
from conflict_reading.text import count_words  # noqa: E402

SEED_ARTICLE = REPO / "data" / "articles" / "koalisi-isis-roma.txt"
SHUFFLE_SEED = 8  # issue 8; any fixed number gives a reproducible text


def _paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_paragraphs() -> list[str]:
    """Every paragraph of the real articles and the development set, in file order."""
    paths = sorted((REPO / "data" / "articles").glob("*.txt")) + sorted((REPO / "data" / "devset").glob("*.txt"))
    return [paragraph for path in paths for paragraph in _paragraphs(path)]


def corpus_text(size_bytes: int) -> str:
    """At least ``size_bytes`` of UTF-8 text: whole paragraphs, shuffled again on each pass through the corpus."""
    paragraphs, rng = corpus_paragraphs(), random.Random(SHUFFLE_SEED)
    if not paragraphs:
        raise SystemExit(f"No article text under {REPO / 'data'}: nothing to measure.")
    chosen, size = [], 0
    while size < size_bytes:
        block = paragraphs[:]
        rng.shuffle(block)
        for paragraph in block:
            chosen.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
            if size >= size_bytes:
                break
    return "\n".join(chosen)


def seed_text(words: int = 1_000) -> str:
    """The seed article's paragraphs, in order and then again, until at least ``words`` words."""
    paragraphs, chosen = _paragraphs(SEED_ARTICLE), []
    while count_words("\n".join(chosen)) < words:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
    return "\n".join(chosen)


UNMATCHED_MARKS = 20_000
MARKS = {"curly": "“a ", "straight": ' "a', "guillemet": "«a ", "low": "„a "}  # each mark with a word after it


def unmatched_marks_text(marks: int, kind: str) -> str:
    """A paragraph of ``marks`` opening marks of ``kind`` that never close; ``mixed`` takes the four in turn."""
    pieces = list(MARKS.values()) if kind == "mixed" else [MARKS[kind]]
    return "Kata dia " + "".join(pieces[index % len(pieces)] for index in range(marks))


def unmatched_marks_s(runs: int, marks: int = UNMATCHED_MARKS) -> float:
    """The slowest kind of mark's median wall time (s) of ``find_quotes`` on :func:`unmatched_marks_text`."""
    slowest = 0.0
    for kind in [*MARKS, "mixed"]:
        times = []
        for _ in range(runs):
            article = Article.from_text(unmatched_marks_text(marks, kind))
            article.sentences  # split before timing: this figure is quote scanning
            gc.collect()
            started = time.perf_counter()
            find_quotes(article)
            times.append(time.perf_counter() - started)
        slowest = max(slowest, statistics.median(times))
    return slowest


def extract(text: str) -> int:
    """Run the whole engine on ``text``; the number of items found (so nothing is optimised away)."""
    article = Article.from_text(text)
    quotes = find_quotes(article)
    return len(quotes) + len(find_sources(article, quotes)) + len(find_numbers(article)) + len(find_places(article))


def median_s(text: str, runs: int) -> float:
    """Median wall time (s) of ``extract(text)`` over ``runs`` runs, after one untimed warm-up run."""
    extract(text)
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        extract(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_memory_mb(text: str) -> float:
    """tracemalloc's peak (MB) of allocations made while extracting ``text`` (warm caches excluded).

    tracemalloc counts memory allocated through Python's allocators, which includes
    NumPy/pandas array buffers; it does not count the interpreter and libraries
    already loaded, so this is the memory the extraction itself needs.
    """
    extract(text[:10_000])  # load lexicons and the gazetteer first: they are not the text's cost
    gc.collect()
    tracemalloc.start()
    try:
        extract(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def measure(runs: int = 10, small_bytes: int = 100_000, large_bytes: int | None = 1_000_000,
            large_runs: int = 3) -> dict:
    """The extraction figures, with units in the keys.

    ``large_bytes=None`` skips the large text (and so the linearity ratio and the peak memory).
    """
    seed = seed_text(1_000)
    seed_words = count_words(seed)
    small = corpus_text(small_bytes)
    small_s = median_s(small, max(1, runs // 2))
    figures = {
        "extract_ms_per_1000_words": median_s(seed, runs) * 1000 * 1000 / seed_words,
        "extract_100kb_s": small_s,
        "extract_100kb_ms_per_1000_words": small_s * 1000 * 1000 / count_words(small),
        "extract_1mb_s": None, "extract_linearity_ratio": None, "peak_memory_mb": None,
        "quotes_20000_unmatched_marks_s": unmatched_marks_s(max(1, runs // 3)),
    }
    if large_bytes:
        large = corpus_text(large_bytes)
        large_s = median_s(large, large_runs)
        figures["extract_1mb_s"] = large_s
        figures["extract_linearity_ratio"] = (large_s / len(large.encode())) / (small_s / len(small.encode()))
        figures["peak_memory_mb"] = peak_memory_mb(large)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-1mb", action="store_true", help="skip the 1 MB text")
    args = parser.parse_args(argv)
    for key, value in measure(large_bytes=None if args.no_1mb else 1_000_000).items():
        print(f"{key:40} {'skipped' if value is None else f'{value:.3f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
