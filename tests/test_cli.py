"""The `python -m conflict_reading extract PATH --json` contract, run as a teacher would."""

import json
import subprocess
import sys

import pytest

from .conftest import REPO

ARTICLE = REPO / "data" / "articles" / "koalisi-isis-roma.txt"


def run(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "conflict_reading", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
    )


def test_extract_json_reports_the_article_block():
    result = run("extract", "data/articles/koalisi-isis-roma.txt", "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["article"] == {
        "path": "data/articles/koalisi-isis-roma.txt",
        "language": "id",
        "paragraphs": 25,
        "sentences": 28,
        "words": 631,
    }


def test_extract_has_exactly_the_contract_blocks_and_fields():
    output = json.loads(run("extract", ARTICLE, "--json").stdout)
    assert set(output) == {"article", "quotes", "numbers", "places", "sources"}
    assert set(output["quotes"][0]) == {"text", "kind", "paragraph_start", "paragraph_end", "speaker", "cue", "start", "end"}
    assert set(output["numbers"][0]) == {"text", "paragraph", "value", "unit", "kind", "start", "end"}
    assert set(output["places"][0]) == {"text", "paragraph", "name", "kind", "lat", "lon", "start", "end"}
    assert set(output["sources"][0]) == {"kind", "source", "source_kind", "cue", "paragraph", "text", "start", "end"}
    text = ARTICLE.read_text(encoding="utf-8")
    for block in ("quotes", "numbers", "places", "sources"):
        starts = [item["start"] for item in output[block]]
        assert starts == sorted(starts), block
        for item in output[block]:
            assert text[item["start"]:item["end"]] == item["text"], block


def test_extract_finds_the_seed_article_facts():
    output = json.loads(run("extract", ARTICLE, "--json").stdout)
    assert len(output["quotes"]) == 7
    assert len(output["places"]) == 50
    money = [n for n in output["numbers"] if n["kind"] == "money"]
    assert [m["value"] for m in money] == [436_000_000, 436_000_000, 13_500_000_000]
    assert not any("Covid" in n["text"] for n in output["numbers"])


def test_lang_option_is_respected(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Menteri itu mengatakan bahwa serangan akan dilanjutkan.\n", encoding="utf-8")
    assert json.loads(run("extract", path, "--json").stdout)["article"]["language"] == "id"
    assert json.loads(run("extract", path, "--json", "--lang", "en").stdout)["article"]["language"] == "en"


def test_extract_without_json_prints_a_summary():
    result = run("extract", ARTICLE)
    assert result.returncode == 0
    assert "25 paragraphs, 28 sentences" in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "No file at"),
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Café crème".encode("cp1252"), "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_nonzero(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("extract", path, "--json")
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_crlf_offsets_are_into_lf_text(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.read_bytes().replace(b"\n", b"\r\n"))
    output = json.loads(run("extract", path, "--json").stdout)
    assert output["article"]["paragraphs"] == 25
    assert output["article"]["sentences"] == 28
