"""The geography of a news text: which places it names, how often, what each name stands for, and where.

Lesson 04 (*Places*) reads an article's places in one-line calls; each works on any article, and on any
places table with the columns of :func:`conflict_reading.places.find_places` (``text``, ``paragraph``,
``name``, ``kind``, ``lat``, ``lon``, ``role``, ``start``, ``end``):

- :func:`places_key`: the places a person marked in ``data/annotations/<article>.json`` where the kit has
  them (roles the person left out are the engine's), else the engine's own table; it says which.
- :func:`compare_readings`: where the engine (a program) and the person disagree: a name one of them
  missed, or a different role.
- :func:`show_map`: the places on a world map (:func:`conflict_reading.maps.place_map`), and the names that
  have no coordinates and so are not on it.
- :func:`attention_chart`: which places each paragraph names, in reading order.
- :func:`exonyms`: each place as the article writes it, its English name and where the kit's gazetteer
  has that form from (Unicode CLDR, GeoNames, Natural Earth, the kit's own table of news usage).

>>> from conflict_reading import Article
>>> article = Article.from_text("Menlu Italia bertemu di Roma. Suriah dan Irak.", name="no-annotation")
>>> key = places_key(article)
No hand annotation of the places of 'no-annotation': the key is the engine's table (find_places), which can be wrong.
>>> key[["text", "name", "role"]].values.tolist()[:2]
[['Italia', 'Italy', 'title'], ['Roma', 'Rome', 'event']]
>>> exonyms(key)[["text", "name", "same_in_english"]].values.tolist()[:2]
[['Italia', 'Italy', False], ['Roma', 'Rome', False]]
"""

from __future__ import annotations

import json

import pandas as pd

from .article import Article
from .maps import ROLE_STYLE, mentions_by_place, place_map
from .paths import annotations_dir
from .places import COLUMNS, find_places, gazetteer

PERSON, ENGINE = "the hand annotation", "the engine"
NOT_FOUND = "(not marked)"


def _annotated(article: Article) -> list | None:
    """The ``places`` records of the article's hand annotation, or None if the kit has none."""
    path = annotations_dir() / f"{article.name}.json"
    if not path.is_file():
        return None
    try:
        records = json.loads(path.read_text(encoding="utf-8")).get("places")
    except (OSError, ValueError, AttributeError):
        return None
    return records if isinstance(records, list) else None


def places_key(article: Article, quiet: bool = False) -> pd.DataFrame:
    """The article's places as a person marked them, where the kit has a hand annotation; else the engine's.

    One row per mention, with the columns of :func:`~conflict_reading.places.find_places`.  A role the
    annotation leaves out is the engine's role for the same words (or ``other``).  Prints one line saying
    where the table comes from (``quiet=True``: nothing); ``table.attrs["source"]`` says it too.
    """
    engine = find_places(article)
    records = _annotated(article)
    if records is None:
        if not quiet:
            print(f"No hand annotation of the places of {article.name!r}: the key is the engine's table "
                  "(find_places), which can be wrong.")
        engine.attrs["source"] = ENGINE
        return engine
    key = pd.DataFrame(records, columns=COLUMNS)
    missing = key["role"].isna()
    if missing.any():
        engine_role = dict(zip(zip(engine["start"], engine["end"]), engine["role"]))
        key["role"] = [role if isinstance(role, str) else engine_role.get((s, e), "other")
                       for role, s, e in zip(key["role"], key["start"], key["end"])]
    if not quiet:
        note = " (its roles are the engine's: the person marked names only)" if missing.all() else (
            " (the engine's roles fill in the ones the person left out)" if missing.any() else "")
        print(f"The key: {len(key)} place mentions of {article.name!r}, marked by a person "
              f"(data/annotations/{article.name}.json){note}.")
    key.attrs["source"] = PERSON
    return key


def compare_readings(engine: pd.DataFrame, key: pd.DataFrame):
    """Where the engine's places table and a person's (the key) disagree: one row per mention.

    Columns ``text``, ``paragraph``, ``the engine`` and ``the person``: each reading's English name and
    role, or ``(not marked)``.  Prints a sentence instead when they agree, or when the key is the
    engine's own table (there is then nothing to compare).

    >>> engine = pd.DataFrame([{"text": "Roma", "paragraph": 1, "name": "Rome", "role": "other", "start": 0, "end": 4}])
    >>> person = engine.assign(role="event")
    >>> compare_readings(engine, person).values.tolist()
    [['Roma', 1, 'Rome · other', 'Rome · event']]
    """
    if key.attrs.get("source") == ENGINE:
        print("The key is the engine's own table: there is no person's reading to compare it with.")
        return None
    both = engine.merge(key, on=["start", "end"], how="outer", suffixes=("_engine", "_person"))

    def reading(row, side: str) -> str:
        name = row[f"name_{side}"]
        return f"{name} · {row[f'role_{side}']}" if isinstance(name, str) else NOT_FOUND

    rows = []
    for _, row in both.sort_values("start").iterrows():
        engine_says, person_says = reading(row, "engine"), reading(row, "person")
        if engine_says != person_says:
            text = row["text_person"] if isinstance(row["text_person"], str) else row["text_engine"]
            paragraph = row["paragraph_person"] if pd.notna(row["paragraph_person"]) else row["paragraph_engine"]
            rows.append({"text": text, "paragraph": int(paragraph), "the engine": engine_says,
                         "the person": person_says})
    if not rows:
        print(f"The engine and the person agree on all {len(key)} mentions, and on their roles.")
        return None
    return pd.DataFrame(rows)


def show_map(places: pd.DataFrame, title: str | None = None) -> None:
    """Draw the places on a world map, big enough to read (point size: mentions; marker: role).

    Names with no coordinates (a village the gazetteer does not hold) cannot be drawn: they are listed
    under the map.
    """
    import matplotlib.pyplot as plt

    located = places.dropna(subset=["lat", "lon"]) if len(places) else places
    unlocated = sorted(set(places["name"].dropna()) - set(located["name"].dropna())) if len(places) else []
    if located.empty:
        print("No place in this table has coordinates: there is nothing to map.")
    else:
        place_map(located, presenter=True, title=title or "Where the article's places are (point size: mentions)")
        plt.show()
    if unlocated:
        print("Not on the map (the kit has no coordinates for them): " + ", ".join(unlocated))


def attention_chart(article: Article, places: pd.DataFrame) -> None:
    """Which places each paragraph names: one dot per mention, paragraphs left to right, marker for its role.

    The places are in the order of the map's table (most mentioned at the top).
    """
    import matplotlib.pyplot as plt

    if places.empty:
        print("No places in this table.")
        return
    mentions = mentions_by_place(places)
    order = mentions["name"].tolist()[::-1] if not mentions.empty else []
    order += sorted(n for n in places["name"].dropna().unique() if n not in order)  # places with no coordinates
    row_of = {name: i for i, name in enumerate(order)}
    figure, ax = plt.subplots(figsize=(12, max(4, 0.5 * len(order) + 1.5)))
    for role, style in ROLE_STYLE.items():
        rows = places[places["role"] == role]
        if not rows.empty:
            ax.scatter(rows["paragraph"], rows["name"].map(row_of), s=140, c=style["color"], marker=style["marker"],
                       edgecolors="black", linewidths=0.6, label=style["label"], zorder=3)
    ax.set_yticks(range(len(order)), order)
    last = int(article.paragraphs["paragraph"].max())
    ax.set_xticks(range(1, last + 1))
    ax.set_xlim(0.5, last + 0.5)
    ax.grid(axis="both", linestyle=":", zorder=0)
    ax.set_xlabel("Paragraph (in reading order)")
    ax.set_title(f"Which places each paragraph names: {article.name}")
    ax.legend(title="role", loc="upper left", bbox_to_anchor=(1, 1))
    figure.tight_layout()
    plt.show()


def exonyms(places: pd.DataFrame) -> pd.DataFrame:
    """Each place as the article writes it: mentions, English name, kind, and the gazetteer's entry.

    ``language`` and ``source`` say where the form comes from (``cldr``: Unicode's names of places in
    each language; ``geonames``, ``naturalearth``: geographic databases; ``kit``: the kit's own table of
    news usage), ``notes`` what the kit adds.  ``same_in_english`` is False where English writes the name
    differently; those rows come first, most mentioned first.
    """
    forms = gazetteer().drop_duplicates("form").set_index("form")[["language", "source", "notes"]]
    written = (places.groupby("text", sort=False)
               .agg(mentions=("text", "size"), name=("name", "first"), kind=("kind", "first"))
               .reset_index())
    table = written.join(forms, on="text")
    table["same_in_english"] = table["text"] == table["name"]
    return (table.sort_values(["same_in_english", "mentions"], ascending=[True, False], kind="stable")
            .reset_index(drop=True))


__all__ = ["places_key", "compare_readings", "show_map", "attention_chart", "exonyms"]
