"""Who does what to whom (issue 16): passive verbs, action nouns and their agents, by hand.

Every sentence here is invented (Estmar, Tavaria, Castelby and the people named are not real); the expected
values are written by hand, never taken from the engine.
"""

from __future__ import annotations


import pandas as pd
import pytest

from conflict_reading import Article, load_article
from conflict_reading.agency import COLUMNS, agentless, find_agency, rules
from conflict_reading.article import available_articles

from .conftest import REPO


def events(text: str, language: str = "id") -> pd.DataFrame:
    return find_agency(Article.from_text(text, language=language))


def rows(text: str, language: str = "id", columns=("text", "voice", "agent")) -> list[tuple]:
    return [tuple(row) for row in events(text, language)[list(columns)].itertuples(index=False)]


def voice_of(text: str, word: str, language: str = "id") -> str | None:
    """The voice the engine gives ``word`` (its first occurrence), or None if it is no event."""
    table = events(text, language)
    found = table[table["text"] == word]
    return found["voice"].iloc[0] if len(found) else None


# --- Indonesian passives -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Kelompok itu dikalahkan pada Maret.", "dikalahkan"),          # -kan
    ("Desa itu dibebaskan dari pemberontak.", "dibebaskan"),
    ("Gudang senjata ditarget di dua lokasi.", "ditarget"),         # a root of the list
    ("Pos polisi diserang pada malam hari.", "diserang"),
    ("Dua warga ditangkap di Castelby.", "ditangkap"),
    ("Rumah itu dibakar massa.", "dibakar"),
    ("Wartawan itu diculik dua hari lalu.", "diculik"),
    ("Terdakwa dijatuhi hukuman tujuh tahun.", "dijatuhi"),         # -i
    ("Para pengungsi dipulangkan ke Tavaria.", "dipulangkan"),
    ("Budi Santoso diwawancarai di Castelby.", "diwawancarai"),     # -i, a root not in the lists
    ("Usulan itu dipersoalkan banyak pihak.", "dipersoalkan"),      # -kan, a root not in the lists
    ("Dokumen yang dipindai itu hilang.", "dipindai"),
    ("Karyawan itu di-PHK bulan lalu.", "di-PHK"),                  # a hyphen after di
    ("Diketahui, korban berusia 20 tahun.", "Diketahui"),           # capitalised at the start of a sentence
    ("Seorang polisi tertembak di kaki.", "tertembak"),             # ter- of a root of action
    ("Tiga orang terluka dalam kejadian itu.", "terluka"),
    ("Dua warga terbunuh dalam bentrokan.", "terbunuh"),
    ("Kantor itu dibakarnya semalam.", "dibakarnya"),               # with a clitic
])
def test_indonesian_passive_verbs_are_found(text, word):
    assert voice_of(text, word) == "passive"


@pytest.mark.parametrize("text, word", [
    ("Ia menyerahkan diri ke polisi.", "diri"),
    ("Dia bekerja di dinas sosial.", "dinas"),
    ("Seorang diplomat Estmar hadir.", "diplomat"),
    ("Mereka mengikuti diskusi itu.", "diskusi"),
    ("Layanan digital itu mati.", "digital"),
    ("Direktur itu hadir dalam dialog.", "dialog"),
    ("Pertemuan digelar di Roma.", "di"),                            # the preposition
    ("Pertemuan itu diadakan sejak dini hari.", "dini"),
    ("Dinding rumah itu retak.", "Dinding"),
    ("Menteri bertemu Dimas Prakoso kemarin.", "Dimas"),             # a name inside a sentence
    ("Pasukan tiba di Dili kemarin.", "Dili"),
    ("Rapat diantara kedua pihak batal.", "diantara"),               # "di antara" glued
    ("Harga itu tertentu saja.", "tertentu"),                        # ter- that is no action
    ("Sikap itu terhadap Tavaria jelas.", "terhadap"),
    ("Ia tewas di tempat.", "tewas"),                                # intransitive
])
def test_indonesian_words_that_are_no_passive(text, word):
    assert voice_of(text, word) is None


def test_a_passive_agent_from_oleh():
    assert rows("Pos itu diserang oleh kelompok bersenjata kemarin.") == [
        ("diserang", "passive", "kelompok bersenjata")]


def test_a_passive_agent_written_right_after_the_verb():
    assert rows("Pos itu diserang kelompok bersenjata.")[0] == ("diserang", "passive", "kelompok bersenjata")
    assert rows("Milisi yang didukung Tavaria mundur.")[0] == ("didukung", "passive", "Tavaria")
    assert rows("Ia dipukuli puluhan oknum aparat.")[0] == ("dipukuli", "passive", "puluhan oknum aparat")


def test_no_agent_after_a_preposition_an_adverb_a_time_word_or_a_sentence_to_come():
    assert rows("ISIS dikalahkan pada Maret.") == [("dikalahkan", "passive", None)]
    assert rows("Gudang itu ditarget di dua lokasi.") == [("ditarget", "passive", None)]
    assert rows("Korban dilaporkan tewas, kata Budi.") == [("dilaporkan", "passive", None)]
    assert rows("Terdakwa dikenakan Pasal 351.") == [("dikenakan", "passive", None)]
    assert rows("Rapat dimulai Senin pagi.") == [("dimulai", "passive", None)]
    assert rows("Oleh karena itu ia ditahan.") == [("ditahan", "passive", None)]


def test_a_passive_agent_is_its_clause_s_own():
    table = events("Dua warga ditahan di kantor polisi dan diinterogasi oleh penyidik Estmar.")
    assert table[["text", "agent"]].values.tolist() == [["ditahan", None], ["diinterogasi", "penyidik Estmar"]]


def test_an_inverted_passive_has_what_undergoes_it_after_the_verb():
    assert rows("Turut diamankan dua orang pria.") == [("diamankan", "passive", None)]


def test_unknown_people_is_an_adjective_not_a_passive():
    assert rows("Pos itu diserang orang tak dikenal.") == [("diserang", "passive", "orang tak dikenal")]


def test_a_passive_subject_with_its_demonstrative_is_what_undergoes_it():
    assert events("Pos itu diserang kemarin.")["acted_on"].tolist() == ["Pos itu"]


def test_a_naming_verb_gives_a_name_not_an_agent():
    assert rows("Operasi itu disebut Perisai Lembah.") == [("disebut", "passive", None)]


def test_the_agent_span_is_the_text():
    text = "Kantor itu dirusak oleh Arif Wibowo dan teman-temannya."
    table = events(text)
    row = table.iloc[0]
    assert (row["agent"], text[row["agent_start"]:row["agent_end"]]) == ("Arif Wibowo", "Arif Wibowo")


# --- Indonesian action nouns ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, agent", [
    ("Serangan Tavaria menewaskan dua orang.", "Serangan", "Tavaria"),          # a name after the noun
    ("Serangan udara Estmar berlanjut.", "Serangan", "Estmar"),                 # past a modifier
    ("Serangan bom bunuh diri kelompok itu gagal.", "Serangan", "kelompok"),
    ("Mereka mengecam serangan oleh milisi Tavaria.", "serangan", "milisi Tavaria"),
    ("Pasukan melancarkan serangan udara terhadap milisi.", "serangan", None),  # a target, no actor
    ("Penangkapan Budi Santoso memicu protes.", "Penangkapan", None),           # Budi undergoes it
    ("Penembakan itu terjadi malam hari.", "Penembakan", None),
    ("Ia menyerukan pemulangan warga.", "pemulangan", None),
    ("Tawuran antarwarga kembali terjadi.", "Tawuran", "antarwarga"),
    ("Presiden mengarahkan tindakan militer lanjutan.", "tindakan", None),       # a general noun + militer
])
def test_indonesian_action_nouns_and_their_actors(text, word, agent):
    table = events(text)
    found = table[table["text"] == word]
    assert found["voice"].tolist() == ["nominal"]
    assert found["agent"].iloc[0] == agent


def test_a_compound_noun_is_one_event_with_its_head_as_the_span():
    table = events("Serangan udara dan serangan-serangan darat berlanjut.")
    assert table[["text", "voice"]].values.tolist() == [["Serangan", "nominal"], ["serangan-serangan", "nominal"]]


def test_the_target_of_an_action_noun_is_what_undergoes_it():
    table = events("Blinken membela serangan udara terhadap fasilitas milisi.")
    assert table["acted_on"].tolist() == ["fasilitas milisi"]


def test_a_capitalised_action_noun_inside_a_sentence_is_part_of_a_name():
    assert voice_of("Ia anggota Front Pembebasan Arsa.", "Pembebasan") is None


def test_violence_flags():
    table = events("Kota itu dibebaskan. Hasilnya diumumkan. Rumah itu dibakar. Repatriasi warga dimulai. "
                   "Penembakan terjadi.")
    assert dict(zip(table["text"], table["violence"])) == {
        "dibebaskan": False, "diumumkan": False, "dibakar": True, "Repatriasi": False, "dimulai": False,
        "Penembakan": True}


# --- Indonesian active verbs ---------------------------------------------------------------------------------

def test_an_active_verb_of_violence_with_its_subject_and_object():
    table = events("Militer Tavaria telah menewaskan enam militan.")
    assert table[["text", "voice", "agent", "acted_on"]].values.tolist() == [
        ["menewaskan", "active", "Militer Tavaria", "enam militan"]]


def test_active_forms_follow_the_nasal_rules():
    for word in ("menyerang", "menembak", "membunuh", "menangkap", "mengebom", "membakar", "menculik",
                 "mengalahkan", "menembaki"):
        assert voice_of(f"Mereka {word} pos itu.", word) == "active", word
    assert voice_of("Mereka menerima pos itu.", "menerima") is None  # not a verb of violence


# --- English ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Two soldiers were killed in Castelby.", "killed"),
    ("The convoy was not immediately attacked.", "attacked"),        # two words between
    ("Three men have been arrested.", "arrested"),
    ("The minister got hit by a stone.", "hit"),                     # get + an irregular participle
    ("The camp is being held by the rebels.", "held"),               # being
    ("Three soldiers killed in the raid were buried.", "killed"),    # reduced: a noun, a preposition
    ("A man arrested on Monday was freed.", "arrested"),
    ("At least 12 people were killed and 40 others injured.", "injured"),
    ("One guard was killed and another injured.", "injured"),
    ("Families displaced by the fighting waited.", "displaced"),     # reduced with by
    ("Founded in 1960, the academy trains officers.", "Founded"),
    ("The talks will be viewed and judged by history.", "judged"),   # coordinated
])
def test_english_passives_are_found(text, word):
    assert voice_of(text, word, "en") == "passive"


@pytest.mark.parametrize("text, word", [
    ("The wounded were taken to hospital.", "wounded"),              # after a determiner: an adjective
    ("A wounded man waited at the gate.", "wounded"),
    ("Rebels killed two soldiers in Castelby.", "killed"),           # active
    ("The army has attacked the camp.", "attacked"),                 # perfect, active
    ("Raiders killed at least six guards in Tavaria.", "killed"),    # the object after "at least"
    ("She was interested in the talks.", "interested"),              # an adjective after be
    ("The city has a hundred schools.", "hundred"),
    ("Officials met Ahmed in Castelby.", "Ahmed"),                    # a name in -ed
])
def test_english_words_that_are_no_passive(text, word):
    assert voice_of(text, word, "en") != "passive"


def test_an_english_passive_agent_from_by():
    assert rows("Two villages were shelled by Estmar's army on Monday.", "en")[0] == (
        "shelled", "passive", "Estmar's army")
    assert rows("The swap was brokered by the United Nations in Geneva.", "en")[0] == (
        "brokered", "passive", "the United Nations")
    assert rows("The list was agreed by far the most delegates.", "en")[0] == ("agreed", "passive", None)


def test_a_by_phrase_of_another_verb_is_not_the_agent():
    table = events("Four men were killed in a raid carried out by Tavarian troops.", "en")
    assert table[table["text"] == "killed"]["agent"].tolist() == [None]


@pytest.mark.parametrize("text, word, agent", [
    ("Estmar's invasion began at dawn.", "invasion", "Estmar"),               # a possessor
    ("A Tavarian missile strike hit the port.", "strike", "Tavarian"),      # a nationality modifier
    ("US strikes continued overnight.", "strikes", "US"),                    # an acronym
    ("The attack by gunmen lasted an hour.", "attack", "gunmen"),            # by
    ("The group carried out its own drone attacks.", "attacks", "its"),     # a possessive pronoun
    ("Police raids followed the protest.", "raids", "Police"),
    ("The attack on the city was condemned.", "attack", None),
    ("The attack on the city by militants was condemned.", "attack", "militants"),
    ("A warrant was issued for his arrest.", "arrest", None),               # he undergoes the arrest
    ("Monday's bombing killed nine people.", "bombing", None),              # a time, not an actor
])
def test_english_action_nouns_and_their_actors(text, word, agent):
    table = events(text, "en")
    found = table[table["text"] == word]
    assert found["voice"].tolist() == ["nominal"]
    assert found["agent"].iloc[0] == agent


@pytest.mark.parametrize("text, word", [
    ("They want to attack the camp.", "attack"),                     # a verb after "to"
    ("The gunmen were killing civilians.", "killing"),               # -ing with an object
    ("The remark was deeply offensive.", "offensive"),               # an adjective
    ("The air raid siren sounded at noon.", "raid"),                 # a siren, not a raid
])
def test_english_words_that_are_no_action_noun(text, word):
    assert voice_of(text, word, "en") != "nominal"


def test_an_air_strike_is_one_event_on_its_head_noun():
    assert rows("An air strike and two airstrikes hit Castelby.", "en", ("text", "voice")) == [
        ("strike", "nominal"), ("airstrikes", "nominal"), ("hit", "active")]


# --- The table, the kit's articles, bad input ---------------------------------------------------------------

def test_columns_of_an_article_without_events():
    table = events("Budi Santoso pulang ke rumah.")
    assert list(table.columns) == COLUMNS and len(table) == 0


def test_an_empty_text_gives_an_empty_table():
    table = find_agency("")
    assert list(table.columns) == COLUMNS and len(table) == 0
    assert list(agentless("   ").columns) == COLUMNS


def test_sentence_and_paragraph_columns():
    text = "Budi pulang.\nDua warga ditangkap. Rumah itu dibakar oleh massa."
    table = events(text)
    assert table[["paragraph", "sentence", "sentence_text"]].values.tolist() == [
        [2, 2, "Dua warga ditangkap."], [2, 3, "Rumah itu dibakar oleh massa."]]


@pytest.mark.parametrize("name", available_articles())
def test_every_kit_article_keeps_the_span_invariants(name):
    article = load_article(name)
    table = find_agency(article)
    assert list(table.columns) == COLUMNS
    assert len(table) > 5
    assert table["start"].is_monotonic_increasing
    assert set(table["voice"]) <= {"passive", "nominal", "active"}
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.text
        assert " " not in row.text
        sentence = article.sentences[article.sentences["sentence"] == row.sentence].iloc[0]
        assert sentence["start"] <= row.start and row.end <= sentence["end"]
        assert sentence["text"] == row.sentence_text and sentence["paragraph"] == row.paragraph
        if row.agent is None:
            assert row.agent_start is None and row.agent_end is None
        else:
            assert article.text[row.agent_start:row.agent_end] == row.agent
            assert sentence["start"] <= row.agent_start and row.agent_end <= sentence["end"]


def test_the_seed_article_s_passives_without_agent(article):
    table = find_agency(article)
    passives = table[table["voice"] == "passive"]
    for word in ("dikalahkan", "dibebaskan", "ditarget"):
        found = passives[passives["text"] == word]
        assert len(found) == 1, word
        assert found["agent"].iloc[0] is None, word
    assert "ditarget" in agentless(article)["text"].tolist()
    assert "dibebaskan" not in agentless(article)["text"].tolist()  # freed: no violence
    supported = passives[passives["text"] == "didukung"]
    assert len(supported) == 5 and set(supported["agent"]) == {"Iran"}
    assert not {"diri", "diantara", "di"} & set(table["text"])


def test_agentless_keeps_only_passive_and_nominal_violence_without_agent():
    text = ("Pos itu diserang. Rumah dibakar oleh massa. Warga dibebaskan. Serangan Tavaria berlanjut. "
            "Penangkapan itu sah. Estmar menyerang kota.")
    assert agentless(Article.from_text(text))["text"].tolist() == ["diserang", "Penangkapan"]


def test_an_article_name_is_accepted():
    assert find_agency("koalisi-isis-roma")["text"].tolist() == find_agency(load_article())["text"].tolist()


# --- The lexicon, speed ----------------------------------------------------------------------------------------

def test_the_lexicon_lists_hold_clean_words_and_no_article_s_answers():
    data = rules()
    for language in ("id", "en"):
        for key, value in data[language].items():
            if isinstance(value, frozenset) and key != "active_suffixes":
                assert all(word == word.strip() and word for word in value), (language, key)
    with open(REPO / "conflict_reading" / "lexicons" / "agency.toml", encoding="utf-8") as handle:
        raw = handle.read()
    for name in ("Blinken", "Maio", "Kataib", "Veles", "Dalmen", "Mirren", "Kerr"):  # no article's own answers
        assert name.lower() not in raw.lower(), name


def test_a_long_text_gives_as_many_rows_per_paragraph_as_a_short_one():
    # how long it takes is measured in benchmarks/agency_accuracy.py (make bench: agency_1mb_s), not asserted here
    paragraph = ("Pos polisi di Castelby diserang oleh kelompok bersenjata pada Senin. Dua warga ditangkap dan "
                 "serangan udara Tavaria berlanjut, kata Budi Santoso kepada wartawan di sana.")
    small = Article.from_text("\n".join([paragraph] * 50))
    large = Article.from_text("\n".join([paragraph] * 1000))
    assert len(find_agency(large)) == 20 * len(find_agency(small)) > 0


# --- The benchmark -------------------------------------------------------------------------------------------

def test_the_benchmark_measures_matches_by_overlap():
    from benchmarks import agency_accuracy

    gold = [{"start": 0, "end": 8}, {"start": 20, "end": 28}]
    found = [{"start": 2, "end": 6}, {"start": 30, "end": 35}]
    assert [(g["start"], f["start"]) for g, f in agency_accuracy.match(gold, found)] == [(0, 2)]
    assert agency_accuracy.agents_agree({"agent": None}, {"agent": None})
    assert not agency_accuracy.agents_agree({"agent": {"start": 0, "end": 4}}, {"agent": None})


def test_the_benchmark_figures_on_the_seed_annotation():
    from benchmarks import agency_accuracy

    if "koalisi-isis-roma" not in agency_accuracy.available():
        pytest.skip("the seed article's agency annotation is not here")
    groups, _ = agency_accuracy.summary(["koalisi-isis-roma"])
    assert groups["id"]["passive_recall"] >= 0.9 and groups["id"]["nominal_recall"] >= 0.9
    assert groups["id"]["events_precision"] >= 0.9 and groups["id"]["agent_accuracy"] >= 0.85
    flat = agency_accuracy.figures()
    assert {"agency_all_events_f1", "agency_all_passive_precision", "agency_all_passive_recall",
            "agency_id_events_f1", "agency_en_events_f1", "agency_all_agent_accuracy"} <= set(flat)


def test_a_blank_left_in_a_comparison_with_the_words_says_fill_in_the_blank():
    # lesson 06 counts rows with (agency["text"] == ___).sum(): a blank left in must not quietly count 0
    from conflict_reading.blanks import ___, BlankError

    table = find_agency(Article.from_text("Pos itu diserang oleh kelompok bersenjata."))
    with pytest.raises(BlankError, match="Fill in the blank"):
        (table["text"] == ___).sum()
    with pytest.raises(BlankError):
        table[table["voice"] == ___]
