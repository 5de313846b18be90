"""The quotation engine: marks, kinds, speakers, on the seed article and on hand-made cases."""

import pytest

from conflict_reading import Article
from conflict_reading.quotes import find_quotes, quote_spans, reporting_verbs


def quotes_of(text, language="id"):
    return find_quotes(Article.from_text(text, language=language))


def rows(text, *fields, language="id"):
    return quotes_of(text, language)[list(fields)].astype(object).where(lambda d: d.notna(), None).values.tolist()


# --- the seed article (gold written by hand from teaching-points.md) -----------------

SEED_GOLD = [
    # kind, paragraph_start, paragraph_end, speaker, cue
    ("partial", 7, 7, "Luigi Di Maio", "mengatakan"),
    ("direct", 8, 11, "Luigi Di Maio", "ungkap"),
    ("direct", 14, 21, "Antony Blinken", "mengatakan"),
    ("direct", 22, 23, "Antony Blinken", "mengumumkan"),
    ("partial", 23, 23, "Antony Blinken", "mengatakan"),
    ("partial", 25, 25, "Antony Blinken", None),
    ("direct", 25, 25, "Antony Blinken", "tegas"),
]


def test_seed_article_has_the_seven_quotations_with_their_speakers(article):
    found = find_quotes(article)
    got = [
        (r.kind, r.paragraph_start, r.paragraph_end, r.speaker, r.cue if isinstance(r.cue, str) else None)
        for r in found.itertuples()
    ]
    assert got == SEED_GOLD


def test_seed_quote_texts_start_and_end_inside_the_marks(article):
    found = find_quotes(article)
    assert found.loc[0, "text"] == "berbagai intervensi,"
    assert found.loc[1, "text"].startswith("Secara kewilayahan")
    assert found.loc[1, "text"].endswith("pejuang teroris asing,")
    for row in found.itertuples():
        assert article.text[row.start:row.end] == row.text


# --- marks ------------------------------------------------------------------------------

def test_curly_straight_and_guillemets():
    text = "Ia berkata, “Satu.” Lalu ia berkata, \"Dua.\" Kemudian, «Tiga.»"
    assert [text[s:e] for s, e in quote_spans(text)] == ["Satu.", "Dua.", "Tiga."]


def test_quote_running_over_paragraphs_without_marks_between():
    text = "Menlu Budi Hartono mengatakan, “Kami siap.\nKami juga bersatu.\nItu sikap kami.” Rapat ditutup."
    found = quotes_of(text)
    assert len(found) == 1
    assert (found.loc[0, "paragraph_start"], found.loc[0, "paragraph_end"]) == (1, 3)
    assert found.loc[0, "speaker"] == "Budi Hartono"


def test_paragraph_that_reopens_a_quote_starts_a_new_record_of_the_same_speaker():
    # the wire convention: each paragraph of a long quotation opens with a mark, only the last closes
    text = "Kapolri Jenderal Rudi Wibowo menegaskan, “Kami tidak akan mundur.\n“Jaringan ini harus dibongkar.”"
    found = quotes_of(text)
    assert found["text"].tolist() == ["Kami tidak akan mundur.", "Jaringan ini harus dibongkar."]
    assert found[["paragraph_start", "paragraph_end"]].values.tolist() == [[1, 1], [2, 2]]
    assert found["speaker"].tolist() == ["Rudi Wibowo", "Rudi Wibowo"]


def test_unbalanced_quote_ends_with_its_paragraph():
    text = "Ia berkata, “Kami siap\nParagraf berikutnya tanpa tanda kutip."
    assert [text[s:e] for s, e in quote_spans(text)] == ["Kami siap"]


def test_stray_closing_mark_is_ignored():
    assert quote_spans("Tidak ada pembuka” di sini.") == []


# --- kinds -------------------------------------------------------------------------------

def test_scare_quotes_are_not_speech():
    found = quotes_of("Polisi menangkap anggota kelompok “Bom Gereja” di Makassar.")
    assert found["kind"].tolist() == ["scare"]
    assert found["speaker"].isna().all()


def test_partial_quote_in_reporter_sentence():
    found = quotes_of("Menteri Dewi Lestari mengatakan situasi itu “sangat mengkhawatirkan” bagi warga.")
    assert found[["kind", "speaker"]].values.tolist() == [["partial", "Dewi Lestari"]]


# --- attribution -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("“Kami akan menindak tegas,” ujar Kapolda Sulteng Irjen Budi Santoso.", "Budi Santoso", "ujar"),
        ("“Situasi sudah terkendali,” kata Bupati Poso Agus Salim.", "Agus Salim", "kata"),
        ("Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova mengatakan, “Kami menolak tuduhan itu.”",
         "Maria Zakharova", "mengatakan"),
        ("Menurut Kepala BNPT Komjen Arif Nugroho, “Ancaman belum hilang.”", "Arif Nugroho", "Menurut"),
        ("“Kami butuh makanan,” kata seorang warga.", "seorang warga", "kata"),
    ],
)
def test_explicit_cues(text, speaker, cue):
    assert rows(text, "speaker", "cue") == [[speaker, cue]]


def test_interrupted_quote_gives_two_quotes_one_speaker():
    text = "“Kami sudah siap,” kata Menlu Retno Sari, “dan kami akan hadir.”"
    assert rows(text, "speaker") == [["Retno Sari"], ["Retno Sari"]]


def test_pronoun_cue_takes_the_previous_speaker():
    text = ("Menlu Italia Luigi Di Maio mengatakan, “Kami bersatu.”\n"
            "“Kami tidak akan berhenti,” ujarnya.")
    found = quotes_of(text)
    assert found["speaker"].tolist() == ["Luigi Di Maio", "Luigi Di Maio"]
    assert found.loc[1, "cue"] == "ujarnya"


def test_surname_and_misspelt_name_resolve_to_one_speaker():
    text = ("Menteri Luar Negeri Amerika Antony Blinken tiba di Roma.\n"
            "Menteri Anthony Blinken mengatakan, “Kami siap.”\n"
            "“Kami bersatu,” tegas Blinken.")
    assert quotes_of(text)["speaker"].tolist() == ["Antony Blinken", "Antony Blinken"]


def test_colon_in_the_paragraph_before():
    text = "Presiden Joko Santoso menegaskan:\n“Negara tidak boleh kalah oleh teror.”"
    assert rows(text, "speaker", "cue") == [["Joko Santoso", "menegaskan"]]


def test_english_attribution():
    text = ('"We will not stop," said Defense Minister Anna Berg.\n'
            'Berg told reporters: "The border is closed."\n'
            '"It is over," she said.')
    assert rows(text, "speaker", language="en") == [["Anna Berg"], ["Anna Berg"], ["Anna Berg"]]


def test_no_name_is_invented():
    found = quotes_of("“Semua rumah hancur,” kata seorang saksi mata.\n“Kami takut.”")
    assert found.loc[0, "speaker"] == "seorang saksi mata"
    assert all(s in (None, "seorang saksi mata") or s != s for s in found["speaker"])


def test_reporting_verb_lexicon_has_stances_for_the_lesson():
    verbs = reporting_verbs().set_index("verb")
    assert verbs.loc["mengatakan", "stance"] == "neutral"
    assert verbs.loc["menegaskan", "root"] == "tegas"
    assert {"id", "en"} <= set(verbs["language"])


def test_no_quotes_no_rows():
    assert quotes_of("Tidak ada kutipan di sini.").empty


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["“", "”", '"', "«", "»", "\n", " ", ", ", ". ", "kata", "ujar Budi Santoso", "Menlu",
                           "mengatakan", "Kami siap", "A", "nya", ":", "Di Maio", "'"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=60).map("".join))
def test_any_text_gives_well_formed_quotes(text):
    if not text.strip():
        return
    article = Article.from_text(text)
    found = find_quotes(article)
    starts = found["start"].tolist()
    assert starts == sorted(starts)
    for row in found.itertuples():
        assert 0 <= row.start < row.end <= len(article.text)
        assert article.text[row.start:row.end] == row.text
        assert row.kind in {"direct", "partial", "scare"}
        assert 1 <= row.paragraph_start <= row.paragraph_end <= len(article.paragraphs)
