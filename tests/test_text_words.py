"""word_spans matches with the pattern NLTK's tokenizer compiled, without its wrappers: the same words."""

from conflict_reading import text as text_module

SAMPLES = [
    "Bantuan 13,5 miliar dolar (28/6) di Irak-Suriah, Covid-19 dan negara-negara.",
    "Cafe\u0301 di Bogota\u0301 \u2013 don't, l’homme, U.S. 436.000.000 _x_ \u00a0 \u0661\u0662 \ufeffawal",
    "",
    "!!! ??? \u201c\u201d",
]


def test_word_spans_are_the_tokenizers_spans():
    assert text_module._compiled_word_pattern() is not None  # the fast way is the one in use
    for sample in SAMPLES:
        assert text_module.word_spans(sample) == list(text_module._word_tokenizer().span_tokenize(sample)), sample
        assert text_module.word_tokens(sample) == text_module._word_tokenizer().tokenize(sample), sample


def test_word_spans_without_the_compiled_pattern(monkeypatch):
    monkeypatch.setattr(text_module, "_compiled_word_pattern", lambda: None)
    assert text_module.word_spans("Dua ribu (28/6).") == [(0, 3), (4, 8), (10, 14)]
    assert text_module.word_tokens("Dua ribu (28/6).") == ["Dua", "ribu", "28/6"]
