"""The engine on small invented texts written in the styles of real news (Kompas, Detik, Tempo,
CNN Indonesia, Antara, wire English).  Every expected value was written by hand from reading the
text, never produced by the engine.  Each pattern is a general rule, none is about one article.
"""

import pytest

from conflict_reading import Article
from conflict_reading.numbers import find_numbers
from conflict_reading.places import find_places
from conflict_reading.quotes import find_quotes


def quotes(text):
    found = find_quotes(Article.from_text(text))
    return [(row.kind, row.speaker if isinstance(row.speaker, str) else None, row.cue if isinstance(row.cue, str) else None)
            for row in found.itertuples()]


# --- quotes: speakers and cues ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # Kompas: "kata X kepada wartawan"
    ("JAKARTA, KOMPAS.com - Kapolri Jenderal Listyo Sigit Prabowo memastikan pengamanan berjalan. "
     "“Kami siagakan 5.000 personel,” kata Listyo kepada wartawan, Senin (28/6/2021).",
     [("direct", "Listyo Sigit Prabowo", "kata")]),
    # CNN Indonesia: "ujar X di Jakarta, Senin"
    ("Jakarta, CNN Indonesia -- “Situasi sudah kondusif,” ujar Kepala Bidang Humas Polda Metro Jaya "
     "Kombes Yusri Yunus di Jakarta, Senin (28/6/2021).",
     [("direct", "Yusri Yunus", "ujar")]),
    # "menurut X, “…”"
    ("Menurut Kapolda Sulteng Irjen Budi Santoso, “Pelaku sudah kami kenali.”",
     [("direct", "Budi Santoso", "Menurut")]),
    # Antara: "tegas X seperti dilansir Antara"
    ("“Kami tidak akan mundur,” tegas Menteri Pertahanan Prabowo Subianto seperti dilansir Antara.",
     [("direct", "Prabowo Subianto", "tegas")]),
    # "kata X, seperti dikutip dari Reuters"
    ("“Serangan itu tidak dapat dibenarkan,” kata Sekjen PBB Antonio Guterres, seperti dikutip dari Reuters.",
     [("direct", "Antonio Guterres", "kata")]),
    # English: "X, apposition, told reporters"
    ("“We will not sign,” Teodor Vask, the country's minister for reconciliation, told reporters.",
     [("direct", "Teodor Vask", "told")]),
    # English: "X said" right after the quote is X, not the previous speaker
    ("Envoy Lucia Ferrand arrived. “We will talk,” said Nadia Kerr, a spokeswoman. "
     "“Every hour counts,” Ferrand said.",
     [("direct", "Nadia Kerr", "said"), ("direct", "Lucia Ferrand", "said")]),
    # "according to" in lower case
    ("“It is over,” according to Mayor Ana Lopes.", [("direct", "Ana Lopes", "according to")]),
    # an anonymous subject with its description, lower case at the start
    ("Seorang pejabat PBB yang enggan disebutkan namanya mengatakan, “Bantuan tertahan.”",
     [("direct", "seorang pejabat PBB", "mengatakan")]),
    ("Seorang diplomat Arab menyebut resolusi itu “peta jalan yang dilupakan”.",
     [("partial", "seorang diplomat Arab", "menyebut")]),
])
def test_speaker_and_cue_in_news_styles(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text, expected_speaker", [
    # "she said" is the last person named before: never "I" from the next quote
    ("Among those waiting was Margit Sorel, 63, a teacher. “They told us noon,” she said. “I have stopped believing.”",
     "Margit Sorel"),
    # "ujarnya" is the person named in the sentences just before, not the previous quote's speaker
    ("“Kami menolak,” kata Samira Oddo. Di kamp Brana, Ilona Berat (41) sudah empat hari menunggu. "
     "Ibu tiga anak itu mengatakan jatah makanan tinggal separuh. “Kami hanya ingin truk datang,” ujarnya.",
     "Ilona Berat"),
    # a pronoun subject ("Ia lalu bertemu …") carries the earlier subject on; the person met is not the speaker
    ("Bupati Poso Verna Inkiriwang mengatakan situasi aman. Ia lalu bertemu Kapolres AKBP Rentrix Ryaldi. "
     "“Warga tidak perlu takut,” ujarnya.",
     "Verna Inkiriwang"),
    # the anonymous subject of the sentence before
    ("“Ini sudah selesai,” kata Kapolres AKBP Rudi Hartono. Seorang nelayan setempat mengaku khawatir. "
     "“Kami juga takut,” tuturnya.",
     "seorang nelayan setempat"),
    # Antara: "X menjelaskan bahwa …" then "ujarnya"
    ("JAKARTA (ANTARA) - Juru bicara BNPT, Eddy Hartono, menjelaskan bahwa program deradikalisasi terus berjalan. "
     "“Kami libatkan tokoh agama,” ujarnya.",
     "Eddy Hartono"),
])
def test_a_pronoun_cue_is_the_person_named_just_before(text, expected_speaker):
    assert quotes(text)[-1 if "stopped" not in text else 0][1] == expected_speaker
    assert all(speaker not in {"I", "She", "Kami", "Ia"} for _, speaker, _ in quotes(text))


def test_words_in_quotes_called_by_someone_are_partial_and_a_given_name_is_scare():
    text = ('Officials in Castelby call the rebels “terrorists”. Soldiers guard the road, which drivers have '
            'nicknamed the "corridor of death."')
    assert quotes(text) == [("partial", "officials in Castelby", "call"), ("scare", None, None)]


def test_a_lower_case_fragment_after_the_reporters_clause_is_partial():
    text = ("Seorang pejabat PBB mengatakan, pemeriksaan bisa memakan tiga hari, "
            "“lebih lama daripada umur gencatan senjata itu sendiri.”")
    assert quotes(text) == [("partial", "seorang pejabat PBB", "mengatakan")]


def test_a_sentence_split_by_its_cue_stays_two_direct_quotes():
    text = "“Kami,” kata Dimas Prakoso, “tidak akan mundur.”"
    assert quotes(text) == [("direct", "Dimas Prakoso", "kata"), ("direct", "Dimas Prakoso", "kata")]


# --- numbers --------------------------------------------------------------------------------------

def numbers(text):
    found = find_numbers(Article.from_text(text))
    return [(row.text, row.value, row.unit if isinstance(row.unit, str) else None, row.kind) for row in found.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # "satu truk pun" is "not a single truck": no count
    ("Militer tidak akan membiarkan satu truk pun lewat, dan tidak satu pun warga boleh keluar.", []),
    # times of day are not numbers (the contract has no time kind)
    ("Return to the bridge at 8 a.m. on Wednesday; the convoy left at 5.30 pm.", []),
    ("Serangan terjadi sekitar pukul 05.30 WIT.", []),
    # an English ordinal with no determiner and no noun is an adverb
    ("Neither side wants to be seen to give way first.", []),
    ("The first exchange freed 40 people.", [("first", 1, "exchange", "ordinal"), ("40", 40, "people", "count")]),
    # an age after a name, English and Indonesian style: a duration with no unit
    ("Among them was Margit Sorel, 63, a teacher.", [("63", 63, None, "duration")]),
    ("Warga bernama Ilona Berat (41) menunggu.", [("41", 41, None, "duration")]),
    # a number joined to its unit: the number is the span; clock times are no numbers
    ("A 26-year-old cadet survived the eight-month-long siege; troops moved 30km at 09:08 (23:00 GMT).",
     [("26", 26, "year", "duration"), ("eight", 8, "month", "duration"), ("30", 30, "km", "count")]),
    # "both" and "one" as an article are no numbers; "one" counted against "another" is
    ("Both sides met, one official said.", []),
    ("One aid worker was killed and another injured.", [("One", 1, "aid", "count")]),
    # fractions; English vague words; a fixed term and the ordinal of a law's name are no numbers
    ("Setengah jam kemudian, seperempat warga pergi.",
     [("Setengah jam", 0.5, "jam", "duration"), ("seperempat", 0.25, "warga", "count")]),
    ("A few days later a number of villages and multiple roads were cut.",
     [("A few", None, "days", "vague"), ("a number of", None, "villages", "vague"), ("multiple", None, "roads", "vague")]),
    ("Mereka mendukung solusi dua negara dan Amandemen Keempat.", []),
    # a year after "dan" a year is a date; a date with no year takes the year the article gives
    ("Kudeta terjadi pada tahun 2006 dan 2014. Pada 12 Juli 2025 hujan; lalu 15 Juni ramai.",
     [("2006", "2006", None, "date"), ("2014", "2014", None, "date"), ("12 Juli 2025", "2025-07-12", None, "date"),
      ("15 Juni", "2025-06-15", None, "date")]),
    # a vote tally is two counts; "this one" is a pronoun
    ("The council voted 13-0 to extend it. If there is another attack like this one, we cannot cope.",
     [("13", 13, None, "count"), ("0", 0, None, "count")]),
    # Kompas / Detik money and vague amounts
    ("Kerugian mencapai Rp 1,2 triliun dan ribuan warga mengungsi.",
     [("Rp 1,2 triliun", 1200000000000, "IDR", "money"), ("ribuan", None, "warga", "vague")]),
    ("Puluhan orang terluka dan belasan rumah rusak.",
     [("Puluhan", None, "orang", "vague"), ("belasan", None, "rumah", "vague")]),
    # "kedua" before a noun is "both" (a count), after one it is "second" ("menteri" is a noun, "berusia" a verb)
    ("Kedua menteri itu dikenai sanksi. Tersangka kedua berusia 35 tahun. Faktor kedua yakni ekonomi.",
     [("Kedua", 2, "menteri", "count"), ("kedua", 2, "tersangka", "ordinal"), ("35 tahun", 35, "tahun", "duration"),
      ("kedua", 2, "faktor", "ordinal")]),
    # "kosong" is "empty", not zero
    ("Gedung itu telah kosong dan tidak dipakai.", []),
    # a decade: its first three digits and X
    ("The base was built in the 1960s; sejak tahun 1990-an ia kosong.",
     [("1960s", "196X", None, "date"), ("1990-an", "199X", None, "date")]),
])
def test_numbers_in_news_styles(text, expected):
    assert numbers(text) == expected


def test_a_dateline_date_with_its_year():
    found = numbers("Jakarta, CNN Indonesia -- Polisi menangkap tiga orang, Senin (28/6/2021).")
    assert found == [("tiga", 3, "orang", "count"), ("28/6/2021", "2021-06-28", None, "date")]


# --- places -----------------------------------------------------------------------------------------

def places(text):
    return find_places(Article.from_text(text))[["text", "name"]].values.tolist()


def test_ri_is_indonesia_only_in_capitals():
    assert places("Juru bicara Kementerian Luar Negeri RI, Dimas Prakoso, tiba.") == [["RI", "Indonesia"]]
    assert places("Ri adalah kata lain.") == []


def test_a_dateline_with_a_dotted_capital_i():
    assert places("İSTANBUL, Anadolu - Serangan terjadi.") == [["İSTANBUL", "Istanbul"]]


# --- story: "Menurut X" is a reported claim with its source --------------------------------------------

def test_menurut_gives_the_source_of_a_sentence():
    from conflict_reading.story import story_table

    text = "Menurut badan kemanusiaan PBB, 38.000 orang mengungsi. Menurut Dimas, ini konvoi ketiga. Harga naik."
    table = story_table(Article.from_text(text))
    assert table[["attribution", "source"]].values.tolist() == [
        ["reported", "badan kemanusiaan PBB"], ["reported", "Dimas"], ["asserted", ""]]


def test_what_someone_called_is_their_words_and_said_that_a_sentence_is_direct():
    text = ("President Budi Santoso promised that what he called “Tavarian thugs” would pay. Minister Dewi Kartika said "
            "that “the talks will go on until every hostage is home again.”")
    assert quotes(text) == [("partial", "Budi Santoso", "called"), ("direct", "Dewi Kartika", "said")]
