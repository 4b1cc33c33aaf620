"""Class view: merge a folder of exported answer files into anonymous overviews.

``python -m book klas <map>`` prints the report; the projector notebook
``docent/klasoverzicht.ipynb`` shows the same as tables and charts.

The folder is only read, never written. Files that cannot be used (corrupt, of another
chapter or version, a second file of the same student) are reported by name and left out;
nothing in the folder can make the class view crash.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from book.answers import ANTWOORDEN_FORMAAT, ANTWOORDEN_VERSIE, AntwoordBestand, AntwoordBestandFout, parse_antwoorden

MAX_BESTAND = 5_000_000  # bytes; a larger file is not an answer file of this book
POSITIES = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]


class KlasFout(ValueError):
    """The class view cannot run at all (e.g. the folder does not exist); Dutch message."""


@dataclass
class Melding:
    bestand: str
    reden: str


@dataclass
class Klas:
    hoofdstuk: int | None
    bestanden: list[AntwoordBestand] = field(default_factory=list)
    gebruikt: list[str] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.bestanden)


def _student_sleutel(b: AntwoordBestand) -> str | None:
    key = (b.studentnummer or b.naam).strip().lower()
    return " ".join(key.split()) or None


def lees_map(map_: str | Path, hoofdstuk: int | None = None) -> Klas:
    """Read every *.json in the folder; keep one valid file per student of one chapter."""
    folder = Path(map_)
    if not folder.is_dir():
        raise KlasFout(f"De map {folder} bestaat niet of is geen map.")
    geldig: list[tuple[Path, AntwoordBestand, str]] = []
    meldingen: list[Melding] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        naam = path.name
        if path.suffix.lower() != ".json":
            meldingen.append(Melding(naam, "geen JSON-bestand; overgeslagen"))
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            meldingen.append(Melding(naam, f"kan niet gelezen worden ({exc.strerror})"))
            continue
        if len(raw) > MAX_BESTAND:
            meldingen.append(Melding(naam, "te groot voor een antwoordbestand; overgeslagen"))
            continue
        try:
            tekst = raw.decode("utf-8")
            data = json.loads(tekst)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            meldingen.append(Melding(naam, "beschadigd: geen leesbare JSON"))
            continue
        if isinstance(data, dict) and data.get("formaat") == ANTWOORDEN_FORMAAT and data.get("versie") != ANTWOORDEN_VERSIE:
            meldingen.append(Melding(naam, f"andere versie ({data.get('versie')!r}); dit boek leest versie {ANTWOORDEN_VERSIE}"))
            continue
        try:
            bestand = parse_antwoorden(tekst, bron=naam)
        except AntwoordBestandFout as exc:
            meldingen.append(Melding(naam, f"onbruikbaar: {exc}"))
            continue
        geldig.append((path, bestand, hashlib.sha256(raw).hexdigest()))

    if hoofdstuk is None and geldig:
        hoofdstuk = Counter(b.hoofdstuk for _, b, _ in geldig).most_common(1)[0][0]
    klas = Klas(hoofdstuk=hoofdstuk, meldingen=meldingen)

    gezien_inhoud: dict[str, str] = {}
    per_student: dict[str, tuple[Path, AntwoordBestand]] = {}
    zonder_naam: list[tuple[Path, AntwoordBestand]] = []
    for path, bestand, digest in geldig:
        if bestand.hoofdstuk != hoofdstuk:
            klas.meldingen.append(Melding(path.name, f"hoort bij hoofdstuk {bestand.hoofdstuk}, niet bij hoofdstuk {hoofdstuk}"))
            continue
        if digest in gezien_inhoud:
            klas.meldingen.append(Melding(path.name, f"dubbel: zelfde inhoud als {gezien_inhoud[digest]}"))
            continue
        gezien_inhoud[digest] = path.name
        key = _student_sleutel(bestand)
        if key is None:
            zonder_naam.append((path, bestand))
            continue
        if key in per_student:
            eerder_pad, eerder = per_student[key]
            nieuw, oud = ((path, bestand), (eerder_pad, eerder)) if bestand.datum >= eerder.datum else ((eerder_pad, eerder), (path, bestand))
            per_student[key] = nieuw
            klas.meldingen.append(Melding(oud[0].name, f"dubbel: dezelfde student leverde ook {nieuw[0].name} in (de nieuwste telt)"))
            continue
        per_student[key] = (path, bestand)
    for path, bestand in sorted(list(per_student.values()) + zonder_naam, key=lambda pb: pb[0].name):
        klas.bestanden.append(bestand)
        klas.gebruikt.append(path.name)
    return klas


# -- overviews ----------------------------------------------------------------------------------

def _labels(oefening_id: str) -> dict:
    """Question details from the exercise file, if it can be read; else an empty mapping."""
    try:
        from book.exercises.spec import load_spec

        spec = load_spec(oefening_id)
    except Exception:  # a missing or broken spec only costs the labels, never the view
        return {}
    return {v.id: v for v in spec.vragen}


def beantwoord(klas: Klas) -> pd.DataFrame:
    """How many students answered each question (non-empty answers)."""
    tel: Counter = Counter()
    titels: dict[tuple[str, str], str] = {}
    for b in klas.bestanden:
        for oid, oef in b.oefeningen.items():
            for qid, vraag in oef.vragen.items():
                titels[(oid, qid)] = vraag
            for qid, antwoord in oef.antwoorden.items():
                if _niet_leeg(antwoord.model_dump()):
                    tel[(oid, qid)] += 1
    rows = [
        {"oefening": oid, "vraag": qid, "vraagtekst": titels.get((oid, qid), ""), "beantwoord": tel[(oid, qid)], "van": klas.aantal}
        for (oid, qid) in sorted(set(titels) | set(tel))
    ]
    return pd.DataFrame(rows, columns=["oefening", "vraag", "vraagtekst", "beantwoord", "van"])


def _niet_leeg(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_niet_leeg(v) for v in value.values())
    if isinstance(value, list):
        return any(_niet_leeg(v) for v in value)
    return value is not None


def stellingen(klas: Klas) -> pd.DataFrame:
    """Distribution of positions per statement and round, and the shift between rounds."""
    verdeling: dict[tuple, Counter] = defaultdict(Counter)
    verschuiving: dict[tuple, list[int]] = defaultdict(list)
    for b in klas.bestanden:
        for oid, oef in b.oefeningen.items():
            for qid, antwoord in oef.antwoorden.items():
                r1 = getattr(antwoord, "ronde1", None)
                if r1 is None:
                    continue
                r2 = antwoord.ronde2 or []
                for i, pos in enumerate(r1):
                    if pos.positie:
                        verdeling[(oid, qid, i, 1)][pos.positie] += 1
                    if i < len(r2) and r2[i].positie:
                        verdeling[(oid, qid, i, 2)][r2[i].positie] += 1
                        if pos.positie:
                            verschuiving[(oid, qid, i)].append(r2[i].positie - pos.positie)
    rows = []
    for (oid, qid, i, ronde), tel in sorted(verdeling.items()):
        vraag = _labels(oid).get(qid)
        tekst = vraag.stellingen[i] if vraag is not None and i < len(getattr(vraag, "stellingen", [])) else f"stelling {i + 1}"
        row = {"oefening": oid, "vraag": qid, "stelling": tekst, "ronde": ronde}
        row.update({p: tel.get(n, 0) for n, p in enumerate(POSITIES, 1)})
        if ronde == 2:
            shifts = verschuiving.get((oid, qid, i), [])
            row["meer eens"] = sum(s > 0 for s in shifts)
            row["minder eens"] = sum(s < 0 for s in shifts)
            row["gelijk"] = sum(s == 0 for s in shifts)
        rows.append(row)
    return pd.DataFrame(rows)


def rangschikkingen(klas: Klas) -> pd.DataFrame:
    """Spread of the rank each item got (1 = first)."""
    plaatsen: dict[tuple, list[int]] = defaultdict(list)
    for b in klas.bestanden:
        for oid, oef in b.oefeningen.items():
            for qid, antwoord in oef.antwoorden.items():
                volgorde = getattr(antwoord, "volgorde", None)
                if volgorde:
                    for plaats, item in enumerate(volgorde, 1):
                        plaatsen[(oid, qid, item)].append(plaats)
    rows = [
        {
            "oefening": oid,
            "vraag": qid,
            "item": item,
            "gemiddelde plaats": round(statistics.mean(p), 2),
            "hoogste": min(p),
            "laagste": max(p),
            "aantal": len(p),
        }
        for (oid, qid, item), p in sorted(plaatsen.items())
    ]
    return pd.DataFrame(rows)


def netwerken(klas: Klas) -> pd.DataFrame:
    """Breadth of the network maps: people and kinds per student, summarised per question."""
    per_vraag: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for b in klas.bestanden:
        for oid, oef in b.oefeningen.items():
            for qid, antwoord in oef.antwoorden.items():
                knopen = getattr(antwoord, "knopen", None)
                if knopen is not None:
                    per_vraag[(oid, qid)].append((len(knopen), len({k.soort for k in knopen})))
    rows = []
    for (oid, qid), waarden in sorted(per_vraag.items()):
        mensen = [m for m, _ in waarden]
        soorten = [s for _, s in waarden]
        rows.append(
            {
                "oefening": oid,
                "vraag": qid,
                "kaarten": len(waarden),
                "minste personen": min(mensen),
                "mediaan personen": statistics.median(mensen),
                "meeste personen": max(mensen),
                "mediaan soorten": statistics.median(soorten),
            }
        )
    return pd.DataFrame(rows)


def rapport(klas: Klas) -> str:
    """The whole overview as Dutch text, without names of students."""
    regels = [f"Klasoverzicht hoofdstuk {klas.hoofdstuk}: {klas.aantal} bruikbare antwoordbestanden."]
    if klas.meldingen:
        regels.append("")
        regels.append(f"Niet meegeteld ({len(klas.meldingen)}):")
        regels += [f"  - {m.bestand}: {m.reden}" for m in klas.meldingen]
    for titel, df in (
        ("Beantwoord per vraag", beantwoord(klas)),
        ("Stellingen (aantal studenten per positie)", stellingen(klas)),
        ("Rangschikkingen", rangschikkingen(klas)),
        ("Netwerkkaarten: breedte", netwerken(klas)),
    ):
        regels += ["", titel + ":"]
        regels.append(df.to_string(index=False) if not df.empty else "  (geen)")
    return "\n".join(regels)


def plot_stellingen(df: pd.DataFrame, ax=None):
    """Stacked horizontal bars: how many students chose each position, per statement and round."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * max(len(df), 1) + 1.5))
    if df.empty:
        ax.text(0.5, 0.5, "Nog geen stellingen beantwoord", ha="center", va="center")
        ax.set_axis_off()
        return ax
    colours = ["#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2"]  # Okabe-Ito, diverging
    labels = [f"{s[:50]} (ronde {r})" for s, r in zip(df["stelling"], df["ronde"])]
    left = [0] * len(df)
    for positie, kleur in zip(POSITIES, colours):
        ax.barh(labels, df[positie], left=left, color=kleur, label=positie)
        left = [a + b for a, b in zip(left, df[positie])]
    ax.invert_yaxis()
    ax.set_xlabel("aantal studenten")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, fontsize="small", frameon=False)
    return ax
