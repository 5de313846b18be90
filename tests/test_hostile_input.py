"""Hostile input: files that are not files, settings that are not names, texts built to be slow.

Bad input always gets one clear line (an ArticleError/KitError in a notebook;
``error: …`` and exit code 2 at the shell), never a traceback, a hang or a
memory blow-up.  Anything that could hang (a FIFO, a device) runs with a
timeout, and anything that could eat memory runs in a child process with a
memory limit, so that a regression fails the test instead of the machine.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conflict_reading import Article, ArticleError, load_article
from conflict_reading.article import article_name
from conflict_reading.errors import KitError

from .conftest import REPO

SEED = REPO / "data" / "articles" / "koalisi-isis-roma.txt"
TIMEOUT_S = 60  # a child process: start-up and the whole engine on the seed article
CALL_TIMEOUT_S = 10  # a call in this process
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space for a child process: a runaway read fails, it does not swap
unix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a Unix system")


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args, cwd=REPO):
    """``python -m conflict_reading ARGS`` with a timeout and a memory limit."""
    return subprocess.run(
        [sys.executable, "-m", "conflict_reading", *map(str, args)], capture_output=True, text=True,
        encoding="utf-8", cwd=cwd, timeout=TIMEOUT_S, preexec_fn=_limit_memory, stdin=subprocess.DEVNULL,
    )


def python(code: str, cwd=REPO):
    """Run ``code`` in a child Python with a timeout and a memory limit."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd, timeout=TIMEOUT_S, preexec_fn=_limit_memory, stdin=subprocess.DEVNULL)


def one_clear_line(result) -> str:
    """The single ``error: …`` line of a refused command (exit code 2, nothing on stdout)."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("error: ") and "Traceback" not in result.stderr
    assert len(lines[0]) < 400, lines[0]  # a 5,000-character name is not echoed whole
    return lines[0]


def in_time(call, *args, **kwargs) -> dict:
    """``call(*args)`` in a thread: {"value": …} or {"error": …}; fails if it still runs after the timeout."""
    outcome = {}

    def target():
        try:
            outcome["value"] = call(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - the test reports whatever came out
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(CALL_TIMEOUT_S)
    assert not thread.is_alive(), f"{call.__name__}{args} hangs"
    return outcome


def refused(call, *args, **kwargs) -> str:
    """The one-line message of the ArticleError/KitError ``call(*args)`` raises, run with a timeout."""
    outcome = in_time(call, *args, **kwargs)
    error = outcome.get("error")
    assert isinstance(error, KitError), f"expected a KitError, got {error!r} / {outcome.get('value')!r}"
    message = str(error)
    assert "\n" not in message and len(message) < 400, message
    return message


def release_fifo(path: Path) -> None:
    """Open a FIFO for writing and close it: a reader stuck in open() (a regression) is let go."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "article.txt"
    os.mkfifo(path)
    yield path
    release_fifo(path)


# --- 5. files that are not regular files ---------------------------------------------------------------

@unix_only
def test_a_fifo_article_is_refused_at_once(fifo):
    assert "not a regular file" in refused(load_article, fifo)


@unix_only
def test_a_fifo_article_is_refused_at_the_shell(fifo):
    assert "not a regular file" in one_clear_line(run("extract", fifo, "--json"))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_at_the_shell():
    line = one_clear_line(run("extract", "/dev/zero", "--json"))
    assert "/dev/zero" in line and "device" in line


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_as_the_notebook_setting_is_one_line():
    result = python("from conflict_reading import load_article, ArticleError\n"
                    "try:\n    load_article('/dev/zero')\n"
                    "except ArticleError as error:\n    print('refused:', error)\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("refused: ") and "device" in result.stdout


@unix_only
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "not a regular file" in refused(load_article, path)
    finally:
        server.close()


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
def test_a_file_that_says_it_is_empty_is_read_no_further_than_the_limit(monkeypatch):
    # /proc files are regular files that report a size of 0 whatever they hold: the limit must be
    # applied while reading, not only to the size the file reports.
    import conflict_reading.article as article_module

    monkeypatch.setattr(article_module, "MAX_BYTES", 100)
    assert "too large" in refused(load_article, "/proc/self/maps")


def test_a_too_large_file_is_refused_before_it_is_read(write_article, monkeypatch):
    import conflict_reading.article as article_module

    monkeypatch.setattr(article_module, "MAX_BYTES", 1_000)
    path = write_article("kata " * 1_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the whole file was read"))
    assert "too large" in refused(load_article, path)


@unix_only
def test_report_to_a_fifo_is_refused_and_never_hangs(tmp_path):
    out = tmp_path / "r.html"
    os.mkfifo(out)
    try:
        for extra in ([], ["--force"]):
            line = one_clear_line(run("report", "koalisi-isis-roma", "-o", out, *extra, cwd=tmp_path))
            assert "not a regular file" in line
            assert out.is_fifo()  # still the FIFO: never replaced, even with --force
    finally:
        release_fifo(out)


def test_report_to_a_device_is_refused_even_with_force(tmp_path):
    out = tmp_path / "null"
    try:
        os.mknod(out, 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here (not root)")
    line = one_clear_line(run("report", "koalisi-isis-roma", "-o", out, "--force", cwd=tmp_path))
    assert "not a regular file" in line
    assert out.is_char_device()


def test_write_report_refuses_a_fifo_in_a_notebook(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs need a Unix system")
    from conflict_reading.report import is_report, write_report

    out = tmp_path / "r.html"
    os.mkfifo(out)
    try:
        assert in_time(is_report, out) == {"value": False}  # not opened: opening a FIFO waits for a writer
        assert "not a regular file" in refused(write_report, SEED, out, force=True)
    finally:
        release_fifo(out)


def test_an_output_folder_still_means_that_name_in_it(tmp_path):
    from conflict_reading.report import write_report

    written = write_report("koalisi-isis-roma", tmp_path)
    assert written == tmp_path / "koalisi-isis-roma-report.html" and written.is_file()


# --- 7. settings that are not an article name ----------------------------------------------------------

NOT_NAMES = {
    "a number": 25,
    "a decimal": 2.5,
    "None": None,
    "True": True,
    "a list": ["koalisi-isis-roma"],
    "a dict": {"article": "koalisi-isis-roma"},
    "bytes": b"koalisi-isis-roma",
    "a function": print,
}


@pytest.mark.parametrize("setting", list(NOT_NAMES.values()), ids=list(NOT_NAMES))
def test_a_setting_that_is_not_a_name_is_one_clear_line(setting):
    message = refused(load_article, setting)
    assert "name" in message and "path" in message


@pytest.mark.parametrize("setting", ["", "   ", "\n"], ids=["empty", "spaces", "newline"])
def test_an_empty_setting_is_one_clear_line(setting):
    assert "empty" in refused(load_article, setting)


@pytest.mark.parametrize("setting", ["x" * 5_000, "x" * 300 + ".txt", "data/" + "y" * 5_000 + ".txt"],
                         ids=["5000-characters", "300-character-file", "long-path"])
def test_a_too_long_name_is_one_clear_line(setting):
    message = refused(load_article, setting)
    assert "too long" in message


def test_an_unknown_home_folder_is_one_clear_line():
    assert "~nosuchuser" in refused(load_article, "~nosuchuser/x.txt")


def test_a_nul_character_is_one_clear_line():
    refused(load_article, "koalisi\x00isis")


def test_an_article_object_is_taken_as_it_is(article):
    assert load_article(article) is article
    assert load_article(article, language=article.language) is article


def test_an_article_object_with_another_language_is_that_article_in_that_language():
    text = Article.from_text("Dia datang. Kami pergi.")
    english = load_article(text, language="en")
    assert english.language == "en" and english.text == text.text


def test_article_name_never_raises_for_odd_settings():
    assert article_name("~nosuchuser/x.txt") == "x"
    assert article_name("x" * 5_000) == "x" * 5_000
    assert article_name(None) is None and article_name(25) is None


@pytest.mark.parametrize(
    "args, expected",
    [
        (["extract", "x" * 5_000, "--json"], "too long"),
        (["extract", "~nosuchuser/x.txt", "--json"], "~nosuchuser"),
        (["report", "koalisi-isis-roma", "-o", "~nosuchuser/r.html"], "~nosuchuser"),
        (["report", "koalisi-isis-roma", "-o", "z" * 5_000], "too long"),
        (["report", "x" * 5_000], "too long"),
    ],
    ids=["extract-long-name", "extract-unknown-user", "report-out-unknown-user", "report-out-long-name",
         "report-long-name"],
)
def test_odd_names_at_the_shell_are_one_clear_line(tmp_path, args, expected):
    assert expected in one_clear_line(run(*args, cwd=tmp_path))


# --- 7. the metadata beside the article -----------------------------------------------------------------

def test_a_metadata_folder_is_one_clear_line(write_article):
    path = write_article("Satu kalimat.")
    path.with_suffix(".toml").mkdir()
    message = refused(load_article, path)
    assert "article.toml" in message and "folder" in message


def test_a_metadata_folder_at_the_shell(write_article, tmp_path):
    path = write_article("Satu kalimat.")
    path.with_suffix(".toml").mkdir()
    assert "article.toml" in one_clear_line(run("extract", path, "--json"))


@unix_only
def test_a_metadata_fifo_is_refused_at_once(write_article):
    path = write_article("Satu kalimat.")
    os.mkfifo(path.with_suffix(".toml"))
    try:
        assert "not a regular file" in refused(load_article, path)
    finally:
        release_fifo(path.with_suffix(".toml"))


def test_too_large_metadata_is_refused(write_article, monkeypatch):
    import conflict_reading.article as article_module

    monkeypatch.setattr(article_module, "MAX_METADATA_BYTES", 50)
    path = write_article("Satu kalimat.")
    path.with_suffix(".toml").write_text(f"title = \"{'x' * 100}\"\n", encoding="utf-8")
    assert "too large" in refused(load_article, path)


def test_metadata_that_is_not_utf8_is_one_clear_line(write_article):
    path = write_article("Satu kalimat.")
    path.with_suffix(".toml").write_bytes('title = "café"\n'.encode("latin-1"))
    assert "article.toml" in refused(load_article, path)


# --- 10. files with nothing to read --------------------------------------------------------------------

EMPTY = {
    "bom": "\ufeff",
    "bom-bytes": b"\xef\xbb\xbf",
    "bom-and-spaces": "\ufeff  \n\n \t\n",
    "zero-width-spaces": "\u200b\u200b\n\u200b",
    "bom-zero-width-and-joiners": "\ufeff\u200b \u200c\u200d\u2060\n",
}


@pytest.mark.parametrize("content", list(EMPTY.values()), ids=list(EMPTY))
def test_a_file_with_only_invisible_characters_is_empty(write_article, content):
    assert "empty" in refused(load_article, write_article(content))


@pytest.mark.parametrize("content", ["\ufeff", "\u200b \ufeff"], ids=["bom", "zero-width"])
def test_a_text_with_only_invisible_characters_is_empty(content):
    assert "empty" in refused(Article.from_text, content)


def test_a_bom_before_real_text_is_still_an_article(write_article):
    article = load_article(write_article("\ufeffDia datang. Kami pergi.\n"))
    assert len(article.paragraphs) == 1 and len(article.sentences) == 2


def test_an_invisible_only_file_at_the_shell(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\n")
    assert "empty" in one_clear_line(run("extract", path, "--json"))


# --- 7. the other functions that take an article ---------------------------------------------------------

def test_explore_takes_a_name_and_refuses_a_bad_one_in_one_line():
    from conflict_reading.explore import concordance, translation

    assert len(concordance("koalisi-isis-roma", "ISIS")) > 0
    assert translation("koalisi-isis-roma") == translation(load_article("koalisi-isis-roma"))
    assert "too long" in refused(concordance, "x" * 5_000, "ISIS")
    assert "name" in refused(translation, 25)
    assert "word" in refused(concordance, "koalisi-isis-roma", 25)


def test_a_translation_is_looked_for_safely_for_a_very_long_article_name():
    from conflict_reading.explore import translation

    assert translation(Article.from_text("Dia datang.", name="n" * 300)) is None


def test_write_report_takes_an_article_object(tmp_path):
    from conflict_reading.report import write_report

    written = write_report(Article.from_text("Rina Dewi mengatakan, “Bantuan tiba.”", name="contoh"), tmp_path)
    assert written == tmp_path / "contoh-report.html" and "Rina Dewi" in written.read_text(encoding="utf-8")


# --- 9. quote scanning is linear in the number of quotation marks ------------------------------------------

UNMATCHED = {  # n quotation marks that open and never close, in one paragraph and one sentence
    "curly": lambda n: "Kata dia " + "“a " * n,
    "straight": lambda n: "Kata dia " + ' "a' * n,
    "guillemet": lambda n: "Kata dia " + "«a " * n,
    "low": lambda n: "Kata dia " + "„a " * n,
    "mixed": lambda n: "Kata dia " + "".join(("“a ", ' "a', "«a ", "„a ")[i % 4] for i in range(n)),
    "no-spaces": lambda n: "Kata dia " + "“a" * n,
    "before-names": lambda n: "Kata dia " + "“Budi " * n,
    "with-cues": lambda n: "Kata dia " + "kata Budi “a " * n,
    "closing-only": lambda n: "Kata dia " + "a” " * n,
    "one-per-paragraph": lambda n: "Kata dia\n" + "“a\n" * n,
}


class _CountedText(str):
    """A text that counts the characters sliced out of it (the reading the engine does piece by piece)."""

    sliced = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        if isinstance(key, slice):
            self.sliced += len(piece)
        return piece


def _work(text: str) -> tuple[int, int]:
    """(characters sliced out of the text, Python calls made) while find_quotes reads ``text``."""
    from conflict_reading.quotes import find_quotes

    counted = _CountedText(text)
    article = Article(name="hostile", text=counted)
    article.sentences  # split before counting: sentence splitting is not quote scanning
    counted.sliced, calls = 0, 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        find_quotes(article)
    finally:
        sys.setprofile(None)
    return counted.sliced, calls


@pytest.mark.parametrize("make", list(UNMATCHED.values()), ids=list(UNMATCHED))
def test_quote_scanning_work_grows_linearly_with_the_marks(make):
    # 1,000 more marks cost as much more work as the 1,000 before them did: linear, not quadratic
    # (before the fix 10,000 “ took 15 s and 20,000 took 64 s; here the increments grew 5:3).
    # From 1,000 marks on, the text is longer than the 2,000 characters read on either side of a quote.
    (sliced_1, calls_1), (sliced_2, calls_2), (sliced_3, calls_3) = (_work(make(n)) for n in (1_000, 2_000, 3_000))
    assert sliced_3 - sliced_2 <= 1.2 * (sliced_2 - sliced_1) + 1_000, (sliced_1, sliced_2, sliced_3)
    assert calls_3 - calls_2 <= 1.2 * (calls_2 - calls_1) + 1_000, (calls_1, calls_2, calls_3)


@pytest.mark.parametrize("kind", ["curly", "straight", "guillemet", "low", "mixed"])
def test_every_unmatched_mark_opens_a_quotation_that_ends_at_the_next(kind):
    from conflict_reading.quotes import find_quotes

    quotes = find_quotes(Article.from_text(UNMATCHED[kind](2_000)))
    assert len(quotes) == 2_000 and set(quotes["text"]) == {"a"}


def test_closing_marks_alone_open_nothing():
    from conflict_reading.quotes import find_quotes

    assert find_quotes(Article.from_text(UNMATCHED["closing-only"](2_000))).empty


def test_a_paragraph_too_long_for_the_sentence_splitter_is_one_clear_line(monkeypatch):
    # NLTK stops a regular expression after 5 s: a single paragraph of about 9 MB reaches that on a busy machine.
    import conflict_reading.article as article_module

    def too_slow(paragraph):
        raise TimeoutError("regular-expression match exceeded its 5.0s time limit")

    monkeypatch.setattr(article_module, "sentence_spans", too_slow)
    article = Article.from_text("Satu kalimat.\nDua kalimat.")
    message = refused(lambda: article.sentences)
    assert "paragraph 1" in message and "line breaks" in message


def test_a_paragraph_of_megabytes_is_refused_the_same_way_on_every_machine(tmp_path):
    from conflict_reading.article import MAX_PARAGRAPH_CHARS

    line = ("Kata dia, serangan itu terjadi. " * (MAX_PARAGRAPH_CHARS // 32 + 10))
    with pytest.raises(ArticleError, match=r"Paragraph 2 .* characters long .* one paragraph per line"):
        Article.from_text("Judul.\n" + line + "\nAkhir.")
    path = tmp_path / "pasted.txt"
    path.write_text("Judul.\n" + line, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "conflict_reading", "extract", str(path), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.startswith("error: Paragraph 2")
    assert Article.from_text("Judul.\n" + line[:MAX_PARAGRAPH_CHARS]).paragraphs.shape[0] == 2  # at the bound: read


def test_many_different_speakers_cost_linear_work(monkeypatch):
    # before: every new name was compared with every name word sharing two letters with it
    # (2,000 speakers 1.1 s, 4,000 5.6 s); now with the newest CLOSE_WINDOW name words only
    import random
    import string

    from conflict_reading import quotes

    comparisons = []  # every pair of name words weighed for a close spelling
    real = quotes._cannot_be_close
    monkeypatch.setattr(quotes, "_cannot_be_close", lambda a, b: comparisons.append(1) or real(a, b))
    rng = random.Random(7)

    def work(n):
        comparisons.clear()
        names = ["".join(rng.choice(string.ascii_lowercase) for _ in range(7)).title() for _ in range(2 * n)]
        text = "\n".join(f"“Kami siap,” kata Presiden {names[2 * i]} {names[2 * i + 1]}." for i in range(n))
        table = quotes.find_quotes(Article.from_text(text))
        assert table["speaker"].nunique() == n  # every speaker still found, none merged with another
        return len(comparisons)

    small, large = work(600), work(1200)
    assert large <= 2.3 * small + 1000, (small, large)  # quadratic work would be about 4x
