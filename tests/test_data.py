"""data/*.csv: every file validates; broken files give clear Dutch errors; number formatting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from book.data import DATA_DIR, LIST_FILES, DataError, format_number, load, load_all, number_files, value

FIXTURES = Path(__file__).parent / "fixtures" / "data"
ALL_FILES = sorted(p.stem for p in DATA_DIR.glob("*.csv"))


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_data_file_validates(name: str) -> None:
    df = load(name)
    assert len(df) > 0
    # every row keeps its place in the source, as a line number
    assert df["bron_regel"].map(lambda x: isinstance(x, int) and x >= 1).all()
    if name not in LIST_FILES:
        assert df["waarde"].map(lambda x: isinstance(x, float)).all()
        assert list(df["csv_regel"]) == list(range(2, len(df) + 2))


def test_data_folder_is_complete() -> None:
    assert len(ALL_FILES) >= 12


def test_expected_files_present() -> None:
    expected = {"h0_inleiding", "h1_mda", "h2_eigen_kracht", "h3_house_of_hope", "h4_publieke_ruimtes",
                "h5_tegenprestatie", "h6_reflectie"}
    assert expected <= set(number_files())
    assert set(LIST_FILES) <= set(ALL_FILES)


def test_ids_unique_across_all_files() -> None:
    ids: list[str] = []
    for name in ALL_FILES:
        ids += list(load(name)["id"])
    assert len(ids) == len(set(ids))


def test_derived_rows_name_existing_inputs() -> None:
    df = load_all()
    for ident, r in df[df["kwalificatie"] == "derived"].iterrows():
        refs = re.findall(r"\bh[0-6]_[a-z0-9_]+\b(?!\.csv)", r["toelichting"])
        if r["toelichting"].startswith("Berekend"):
            assert refs, ident
        for ref in refs:
            assert ref in df.index, f"{ident} verwijst naar onbekende id {ref}"


def test_derived_values_match_their_inputs() -> None:
    v = lambda i: float(value(i)["waarde"])  # noqa: E731
    assert v("h2_ek_prijs_afgeleid") == v("h2_ek_investering") / v("h2_ek_gekocht")
    assert round(v("h2_ek_prijs_per_conferentie") / (v("h2_ek_armoede_realisatie_2013") / 100)) == v("h2_kosten_per_gerealiseerde_armoede")
    assert round(v("h2_ek_prijs_per_conferentie") / (v("h2_ek_jeugd_realisatie") / 100)) == v("h2_kosten_per_gerealiseerde_jeugd")
    assert v("h2_ek_armoede_inzet_totaal") == v("h2_ek_armoede_inzet_2013") + v("h2_ek_armoede_inzet_2014")
    parts = load_all().query("groep == 'h3_herkomst' and kwalificatie != 'derived'")["waarde"].sum()
    assert v("h3_herkomst_niet_vermeld") == 100 - parts
    meetings = load("h6_bijeenkomsten")["soort"].value_counts()
    assert v("h6_reflectiebijeenkomsten") == meetings["reflectiebijeenkomst"]
    assert v("h6_onderzoeksworkshops") == meetings["onderzoeksworkshop"]


def test_issue_numbers_keep_their_bounds() -> None:
    expect = {
        "h0_inwoners_rotterdam": "meer dan 600.000", "h0_nationaliteiten_rotterdam": "140",
        "h2_kwetsbare_burgers": "30.000", "h2_ek_gekocht": "meer dan 450",
        "h2_ek_investering": "meer dan 1,8 miljoen euro", "h2_ek_prijs_per_conferentie": "ongeveer 4.000 euro",
        "h2_ek_jeugd_max_per_jaar": "hoogstens 50", "h2_ek_jeugd_realisatie": "meer dan 60%",
        "h2_ek_armoede_realisatie_2013": "minder dan 30%", "h2_ek_bjz_2013": "minder dan 13",
        "h3_vrijwilligers": "meer dan 200", "h4_ow_inwoners": "bijna 10.000", "h4_oc_inwoners": "meer dan 13.000",
        "h5_rw_uren": "minstens 20 uur per week", "h5_ov_geworven": "ongeveer 35–40",
        "h5_kc_leeftijd": "18–57 jaar", "h6_publiek_per_bijeenkomst": "ongeveer 50",
    }
    for ident, text in expect.items():
        assert format_number(value(ident)) == text, ident


def test_value_of_unknown_id() -> None:
    with pytest.raises(DataError, match="Onbekende id 'h9_bestaat_niet'"):
        value("h9_bestaat_niet")


def test_load_returns_a_copy() -> None:
    df = load("h1_mda")
    df.loc[:, "waarde"] = 0
    assert load("h1_mda")["waarde"].max() > 0


# --- broken fixtures: (file, expected fragments of the Dutch message) ---------------------------
BROKEN = [
    ("ontbrekende_kolom", ["ontbrekende_kolom.csv", "regel 1", "kolom 'eenheid'", "verplichte kolom ontbreekt"]),
    ("tekst_in_getal", ["tekst_in_getal.csv", "regel 3", "kolom 'waarde'", "verwacht een getal", "'ruim 450'"]),
    ("procent_te_hoog", ["procent_te_hoog.csv", "regel 2", "kolom 'waarde'", "0 tot en met 100", "'130'"]),
    ("onbekende_kwalificatie", ["onbekende_kwalificatie.csv", "regel 2", "kolom 'kwalificatie'", "'about'"]),
    ("delen_boven_100", ["delen_boven_100.csv", "regel 3", "kolom 'waarde'", "hoogstens 100%", "110%"]),
    ("leeg", ["leeg.csv", "leeg bestand"]),
    ("alleen_kopregel", ["alleen_kopregel.csv", "alleen een kopregel"]),
    ("latin1", ["latin1.csv", "regel 2", "UTF-8", "0xeb"]),
    ("dubbele_id", ["dubbele_id.csv", "regel 3", "kolom 'id'", "'h2_a'", "regel 2"]),
    ("lege_waarde", ["lege_waarde.csv", "regel 2", "kolom 'waarde'", "lege cel"]),
    ("afgeleid_zonder_formule", ["afgeleid_zonder_formule.csv", "regel 2", "kolom 'toelichting'", "rekenregel"]),
    ("komma_decimaal", ["komma_decimaal.csv", "regel 2", "kolom 'waarde'", "'1,5'"]),
    ("verkeerd_hoofdstuk", ["verkeerd_hoofdstuk.csv", "regel 2", "kolom 'hoofdstuk'", "verwacht 2"]),
    ("onbekende_kolom", ["onbekende_kolom.csv", "regel 1", "kolom 'opmerking'", "onbekende kolom"]),
    ("grens_zonder_afgeleid", ["grens_zonder_afgeleid.csv", "regel 2", "kolom 'grens'", "alleen voor 'derived'"]),
    # a range whose upper bound equals its value is no range
    ("bovengrens_gelijk", ["bovengrens_gelijk.csv", "regel 2", "kolom 'waarde_tot'", "groter dan 35", "'35'"]),
]


def test_every_broken_fixture_is_tested() -> None:
    files = {p.stem for p in FIXTURES.glob("*.csv")} - {"geldig"}
    assert files == {b[0] for b in BROKEN}


@pytest.mark.parametrize(("name", "fragments"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_gives_dutch_error(name: str, fragments: list[str]) -> None:
    with pytest.raises(DataError) as info:
        load(name, data_dir=FIXTURES)
    assert isinstance(info.value, ValueError)
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


def test_duplicate_id_across_files() -> None:
    with pytest.raises(DataError) as info:
        load_all(FIXTURES / "dubbel")
    msg = str(info.value)
    assert "b.csv" in msg and "regel 3" in msg and "kolom 'id'" in msg and "a.csv en b.csv" in msg


def test_valid_fixture_loads() -> None:
    assert format_number(load("geldig", data_dir=FIXTURES).iloc[0]) == "450"


# --- format_number ------------------------------------------------------------------------------
def _r(waarde: float, eenheid: str, kwal: str, **kw: object) -> dict[str, object]:
    return {"waarde": waarde, "eenheid": eenheid, "kwalificatie": kwal, "grens": "", "waarde_tot": float("nan"),
            "toelichting": "", **kw}


@pytest.mark.parametrize(("row", "text"), [
    (_r(450, "conferenties", "more_than"), "meer dan 450"),
    (_r(30, "procent", "less_than"), "minder dan 30%"),
    (_r(4000, "euro", "circa"), "ongeveer 4.000 euro"),
    (_r(50, "conferenties", "at_most"), "hoogstens 50"),
    (_r(20, "uur per week", "at_least"), "minstens 20 uur per week"),
    (_r(10000, "inwoners", "almost"), "bijna 10.000"),
    (_r(600000, "inwoners", "more_than"), "meer dan 600.000"),
    (_r(1800000, "euro", "more_than"), "meer dan 1,8 miljoen euro"),
    (_r(1.5, "jaar", "exact"), "1,5 jaar"),
    (_r(57.5, "jaar", "exact"), "57,5 jaar"),
    (_r(2300, "euro", "exact"), "2.300 euro"),
    (_r(2013, "jaartal", "exact"), "2013"),
    (_r(1, "op de 5", "circa"), "ongeveer 1 op de 5"),
    (_r(35, "klanten", "circa", waarde_tot=40.0), "ongeveer 35–40"),
    (_r(13333, "euro", "derived", grens="more_than", toelichting="Berekend: a / b"), "meer dan 13.333 euro (berekend)"),
    (_r(8, "bijeenkomsten", "derived", grens="exact", toelichting="Geteld: rijen"), "8"),
    (_r(1234567.25, "personen", "exact"), "1.234.567,25"),
])
def test_format_number(row: dict[str, object], text: str) -> None:
    assert format_number(row) == text


# --- list files (timeline, meetings, diagram labels): each rule of validate_list ----------------
TIJDLIJN_KOP = "id,jaar,jaar_tot,kwalificatie,datum,gebeurtenis,lijn,hoofdstuk,bron_sectie,bron_regel"
TIJDLIJN_RIJ = "h0_t_a,1848,,exact,,Iets,verzorgingsstaat,0,Wmo,39"

LIST_BROKEN = [
    # (case, file text, expected fragments)
    ("kolom_ontbreekt", TIJDLIJN_KOP.replace(",lijn", "") + "\nh0_t_a,1848,,exact,,Iets,0,Wmo,39\n",
     ["tijdlijnen.csv", "regel 1", "kolom 'lijn'", "verplichte kolom ontbreekt"]),
    ("lege_cel", TIJDLIJN_KOP + "\nh0_t_a,1848,,exact,,,verzorgingsstaat,0,Wmo,39\n",
     ["regel 2", "kolom 'gebeurtenis'", "lege cel"]),
    ("dubbele_id", f"{TIJDLIJN_KOP}\n{TIJDLIJN_RIJ}\n{TIJDLIJN_RIJ}\n", ["regel 3", "kolom 'id'", "'h0_t_a'", "regel 2"]),
    ("bron_regel", TIJDLIJN_KOP + "\nh0_t_a,1848,,exact,,Iets,verzorgingsstaat,0,Wmo,0\n",
     ["regel 2", "kolom 'bron_regel'", "1 tot en met 1000000", "'0'"]),
    ("jaar_tekst", TIJDLIJN_KOP + "\nh0_t_a,ca. 1848,,exact,,Iets,verzorgingsstaat,0,Wmo,39\n",
     ["regel 2", "kolom 'jaar'", "1000 tot en met 2100", "'ca. 1848'"]),
    ("jaar_tot", TIJDLIJN_KOP + "\nh0_t_a,1848,3000,exact,,Iets,verzorgingsstaat,0,Wmo,39\n",
     ["regel 2", "kolom 'jaar_tot'", "'3000'"]),
    ("datum", TIJDLIJN_KOP + "\nh0_t_a,1848,,exact,8-7-1848,Iets,verzorgingsstaat,0,Wmo,39\n",
     ["regel 2", "kolom 'datum'", "JJJJ-MM-DD", "'8-7-1848'"]),
    ("kwalificatie", TIJDLIJN_KOP + "\nh0_t_a,1848,,more_than,,Iets,verzorgingsstaat,0,Wmo,39\n",
     ["regel 2", "kolom 'kwalificatie'", "'exact' of 'circa'", "'more_than'"]),
    ("onbekende_kolom", TIJDLIJN_KOP + ",opmerking\n" + TIJDLIJN_RIJ + ",x\n", ["regel 1", "kolom 'opmerking'"]),
]


@pytest.mark.parametrize(("case", "text", "fragments"), LIST_BROKEN, ids=[c[0] for c in LIST_BROKEN])
def test_broken_list_file_gives_dutch_error(tmp_path: Path, case: str, text: str, fragments: list[str]) -> None:
    (tmp_path / "tijdlijnen.csv").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load("tijdlijnen", data_dir=tmp_path)
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


def test_list_file_columns_are_typed(tmp_path: Path) -> None:
    (tmp_path / "tijdlijnen.csv").write_text(
        f"{TIJDLIJN_KOP}\n{TIJDLIJN_RIJ}\nh3_t_b,1950,1960,circa,1950-01-31,Debat,religie,3,Religie,1730\n", encoding="utf-8")
    df = load("tijdlijnen", data_dir=tmp_path)
    assert list(df["jaar"]) == [1848, 1950] and list(df["hoofdstuk"]) == [0, 3] and list(df["bron_regel"]) == [39, 1730]
    assert df["jaar"].dtype.kind == "i" and list(df["jaar_tot"]) == ["", "1960"]
    bijeenkomsten = load("h6_bijeenkomsten")
    assert bijeenkomsten["nummer"].dtype.kind == "i" and bijeenkomsten["bron_regel"].dtype.kind == "i"
    assert set(bijeenkomsten.columns) >= {"plaats", "begeleider"}


# --- number files: messages of every rule -------------------------------------------------------
GETAL_KOP = "id,omschrijving,waarde,eenheid,kwalificatie,hoofdstuk,bron_sectie,bron_regel"

NUMBER_BROKEN = [
    ("id_vorm", "H2-a,iets,1,x,exact,2,S,10", ["regel 2", "kolom 'id'", "snake_case", "'H2-a'"]),
    ("hoofdstuk_tekst", "h2_a,iets,1,x,exact,twee,S,10", ["kolom 'hoofdstuk'", "0 tot en met 6", "'twee'"]),
    ("hoofdstuk_te_groot", "h2_a,iets,1,x,exact,7,S,10", ["kolom 'hoofdstuk'", "'7'"]),
    ("procent_negatief", "h2_a,iets,-5,procent,exact,2,S,10", ["kolom 'waarde'", "0 tot en met 100", "'-5'"]),
    ("jaartal", "h2_a,iets,20.5,jaartal,exact,2,S,10", ["kolom 'waarde'", "verwacht een jaartal", "'20.5'"]),
    ("jaartal_klein", "h2_a,iets,999,jaartal,exact,2,S,10", ["kolom 'waarde'", "jaartal", "'999'"]),
    ("bron_regel", "h2_a,iets,1,x,exact,2,S,nul", ["kolom 'bron_regel'", "'nul'"]),
]


@pytest.mark.parametrize(("case", "row", "fragments"), NUMBER_BROKEN, ids=[c[0] for c in NUMBER_BROKEN])
def test_broken_number_row_gives_dutch_error(tmp_path: Path, case: str, row: str, fragments: list[str]) -> None:
    (tmp_path / "getallen.csv").write_text(f"{GETAL_KOP}\n{row}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load("getallen", data_dir=tmp_path)
    assert str(info.value).startswith("getallen.csv, ")
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


def test_number_file_is_typed_and_keeps_its_place(tmp_path: Path) -> None:
    (tmp_path / "getallen.csv").write_text(
        f"{GETAL_KOP},waarde_tot,groep\nh2_a,iets,10,procent,exact,2,S,10,,g\nh2_b,rest,90,procent,circa,2,S,11,95,g\n",
        encoding="utf-8")
    df = load("getallen", data_dir=tmp_path)
    assert list(df["bestand"]) == ["getallen.csv"] * 2 and list(df["csv_regel"]) == [2, 3]
    assert list(df["waarde"]) == [10.0, 90.0] and list(df["hoofdstuk"]) == [2, 2] and list(df["bron_regel"]) == [10, 11]
    assert df["waarde_tot"].isna().tolist() == [True, False] and list(df["grens"]) == ["", ""]
    assert format_number(df.iloc[1]) == "ongeveer 90–95%"


def test_groups_are_percentages_of_one_whole(tmp_path: Path) -> None:
    kop = f"{GETAL_KOP},groep"
    (tmp_path / "getallen.csv").write_text(f"{kop}\nh2_a,iets,10,procent,exact,2,S,10,g\nh2_b,rest,3,klanten,exact,2,S,11,g\n",
                                           encoding="utf-8")
    with pytest.raises(DataError, match=r"^getallen\.csv, regel 3, kolom 'eenheid': verwacht 'procent' binnen groep 'g', "
                                        r"gevonden 'klanten'\.$"):
        load("getallen", data_dir=tmp_path)
    # groups are checked in the order of the file: the first group that goes over 100% is named
    rows = ["h2_z1,a,60,procent,exact,2,S,10,z", "h2_a1,b,60,procent,exact,2,S,11,a",
            "h2_z2,c,60,procent,exact,2,S,12,z", "h2_a2,d,60,procent,exact,2,S,13,a"]
    (tmp_path / "getallen.csv").write_text(kop + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^getallen\.csv, regel 4, kolom 'waarde': .*groep 'z' samen hoogstens 100% zijn, "
                                        r"gevonden 120%\.$"):
        load("getallen", data_dir=tmp_path)


def test_file_level_errors_are_whole_dutch_sentences(tmp_path: Path) -> None:
    """The whole message for problems with a file as a whole: which file, where, what was expected."""
    def fout(f) -> str:
        with pytest.raises(DataError) as info:
            f()
        return str(info.value)

    assert fout(lambda: load("bestaat_niet", data_dir=FIXTURES)) == "bestaat_niet.csv: bestand niet gevonden."
    assert fout(lambda: load("leeg", data_dir=FIXTURES)) == (
        "leeg.csv: verwacht een kopregel en minstens één gegevensregel, gevonden een leeg bestand.")
    assert fout(lambda: load("alleen_kopregel", data_dir=FIXTURES)) == (
        "alleen_kopregel.csv: verwacht minstens één gegevensregel, gevonden alleen een kopregel.")
    assert fout(lambda: load("latin1", data_dir=FIXTURES)) == (
        "latin1.csv, regel 2: verwacht UTF-8-tekst, gevonden ongeldige byte 0xeb (sla het bestand op als UTF-8).")
    (tmp_path / "kapot.csv").write_text('id,waarde\n"h1_a,1\n', encoding="utf-8")
    assert fout(lambda: load("kapot", data_dir=tmp_path)) == (
        'kapot.csv, regel 2: een aanhalingsteken (") wordt niet goed gesloten.')
    # one field too many: pandas would silently take the ids as an index and shift every value
    (tmp_path / "verschoven.csv").write_text("id,waarde\nh1_a,60,extra\n", encoding="utf-8")
    assert fout(lambda: load("verschoven", data_dir=tmp_path)) == (
        "verschoven.csv, regel 2: verwacht 2 velden, zoals de kopregel, gevonden 3 "
        "(een komma in een tekst hoort tussen aanhalingstekens).")
    (tmp_path / "kort.csv").write_text("id,waarde,bron\nh1_a,60\n", encoding="utf-8")
    assert fout(lambda: load("kort", data_dir=tmp_path)).startswith("kort.csv, regel 2: verwacht 3 velden")
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    assert fout(lambda: load_all(leeg)) == f"{leeg}: verwacht minstens één getallenbestand, gevonden geen."
    assert fout(lambda: load_all(FIXTURES / "dubbel")) == (
        "b.csv, regel 3, kolom 'id': verwacht een id die in alle bestanden uniek is, gevonden 'h2_a' in a.csv en b.csv.")


def test_all_numbers_are_indexed_by_id_and_keep_the_id_column() -> None:
    df = load_all()
    assert list(df.index) == list(df["id"]) and df.index.is_unique


@pytest.mark.parametrize(("row", "text"), [
    (_r(1_000_000, "euro", "exact"), "1 miljoen euro"),                      # a million is "miljoen" already
    (_r(1_260_000, "euro", "exact"), "1,3 miljoen euro"),                    # millions with one decimal
    (_r(2_000_000, "euro", "circa", waarde_tot=3_500_000.0), "ongeveer 2 miljoen–3,5 miljoen euro"),
    (_r(0.126, "jaar", "exact"), "0,13 jaar"),                               # at most two decimals
])
def test_format_number_at_the_edges(row: dict[str, object], text: str) -> None:
    assert format_number(row) == text


def test_value_reads_the_folder_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "geldig.csv").write_bytes((FIXTURES / "geldig.csv").read_bytes())
    assert value("h2_a", data_dir=tmp_path)["bestand"] == "geldig.csv"
