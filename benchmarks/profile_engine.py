"""Time each stage of the engine on texts of 1,000 words, 100 kB and 1 MB (and 10 MB on request).

    .venv/bin/python benchmarks/profile_engine.py            # median of 5 warm runs per stage
    .venv/bin/python benchmarks/profile_engine.py --profile  # cProfile of one warm 1 MB run, top 25
    .venv/bin/python benchmarks/profile_engine.py --sizes 10MB --rounds 1

The texts repeat the paragraphs of the kit's real and dev-set articles
(``data/articles``, ``data/devset``), shuffled with a fixed seed, so every
size has the same mix of quotes, numbers and places.  Stages: splitting
(sentences and paragraphs of a fresh Article), tokens (a fresh Article's
word table, its sentence splitting included: the notebooks use it,
extraction does not), then ``find_quotes``,
``find_numbers`` and ``find_places`` on an article already split.  The cold
time is the first call in this process (lexicons and gazetteer loading);
the warm times are medians over ``--rounds`` later calls.  "extraction" is
split + quotes + numbers + places, what ``extract --json`` runs.  Targets (issue 8):
1,000 words under 20 ms warm; 1 MB under 2 s and linear in size.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conflict_reading.article import Article  # noqa: E402
from conflict_reading.numbers import find_numbers  # noqa: E402
from conflict_reading.places import find_places  # noqa: E402
from conflict_reading.quotes import find_quotes  # noqa: E402

SIZES = {"1000w": None, "100kB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}


def source_paragraphs() -> list[str]:
    paths = sorted((ROOT / "data" / "articles").glob("*.txt")) + sorted((ROOT / "data" / "devset").glob("*.txt"))
    return [line.strip() for path in paths for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def build_text(size: str, seed: int = 8) -> str:
    """Paragraphs of the kit's articles, shuffled with a fixed seed, up to ``size``."""
    paragraphs, rng = source_paragraphs(), random.Random(seed)
    chosen, bytes_so_far, words_so_far = [], 0, 0
    while True:
        rng.shuffle(paragraphs)
        for paragraph in paragraphs:
            if size == "1000w" and words_so_far + len(paragraph.split()) > 1000:
                return "\n\n".join(chosen)
            if size != "1000w" and bytes_so_far >= SIZES[size]:
                return "\n\n".join(chosen)
            chosen.append(paragraph)
            bytes_so_far += len(paragraph.encode("utf-8")) + 2
            words_so_far += len(paragraph.split())


def split(text: str) -> Article:
    """A fresh article with the tables extraction needs (sentences, paragraphs)."""
    article = Article.from_text(text, name="bench")
    article.paragraphs  # noqa: B018  (built from the sentences)
    return article


def tokens(text: str) -> Article:
    """A fresh article's word tokens (notebooks use them; extraction does not)."""
    return Article.from_text(text, name="bench").tokens


CLOCK = time.perf_counter  # --cpu: time.process_time, steadier when other programs share the cores


def timed(function, *args) -> float:
    started = CLOCK()
    function(*args)
    return (CLOCK() - started) * 1000


def measure(text: str, rounds: int) -> dict[str, tuple[float, float]]:
    """(cold ms, median warm ms) for each stage."""
    stages = {}
    cold = timed(split, text)
    stages["split"] = (cold, statistics.median(timed(split, text) for _ in range(rounds)))
    cold = timed(tokens, text)
    stages["tokens"] = (cold, statistics.median(timed(tokens, text) for _ in range(rounds)))
    article = split(text)
    for finder in (find_quotes, find_numbers, find_places):
        cold = timed(finder, article)
        stages[finder.__name__] = (cold, statistics.median(timed(finder, article) for _ in range(rounds)))
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000w", "100kB", "1MB"], choices=list(SIZES))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one warm run on the last size")
    parser.add_argument("--cpu", action="store_true", help="CPU time of this process instead of wall-clock time")
    options = parser.parse_args()
    if options.cpu:
        global CLOCK
        CLOCK = time.process_time
    if options.profile:
        text = build_text(options.sizes[-1])
        measure(build_text("1000w"), 1)  # warm the caches
        profiler = cProfile.Profile()
        profiler.enable()
        article = split(text)
        find_quotes(article), find_numbers(article), find_places(article)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    per_byte = {}
    print(f"{'size':>6} {'bytes':>10} {'words':>8}  " + "  ".join(f"{s:>20}" for s in
          ("split", "tokens", "find_quotes", "find_numbers", "find_places", "extraction")))
    for size in options.sizes:
        text = build_text(size)
        stages = measure(text, options.rounds)
        extraction = {name: times for name, times in stages.items() if name != "tokens"}
        total_cold = sum(c for c, _ in extraction.values())
        total_warm = sum(w for _, w in extraction.values())
        cells = [f"{w:9.1f} ({c:7.1f})" for c, w in stages.values()] + [f"{total_warm:9.1f} ({total_cold:7.1f})"]
        n_bytes = len(text.encode("utf-8"))
        per_byte[size] = total_warm / n_bytes * 1e6
        print(f"{size:>6} {n_bytes:>10} {len(text.split()):>8}  " + "  ".join(f"{c:>20}" for c in cells))
    print(("CPU " if options.cpu else "wall-clock ") + "ms warm (cold); time per byte, ns: " + ", ".join(f"{k} {v:.0f}" for k, v in per_byte.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
