"""The exercise widget: one anywidget for live JupyterLab, plus a ``text/html`` form for the site.

The same front-end (the ES modules in ``book/static/lsp/src/``, bundled by ``book/frontend.py``)
renders both: anywidget calls its ``render({model, el})`` in JupyterLab; on the static site the
classic-script bundle finds the ``<div class="lsp-oefening">`` written by ``_repr_mimebundle_``
and calls the same function.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import anywidget
import traitlets
from pydantic import ValidationError

from book import config, frontend
from book.answers import (
    AntwoordBestand,
    AntwoordBestandFout,
    OefeningAntwoorden,
    controleer_antwoorden,
    fout_tekst,
    json_laden,
    lees_antwoorden,
    leesbaar,
)

from .spec import ExerciseSpecError, Oefening, load_spec, student_dict

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "lsp"
CSS_PATH = STATIC_DIR / "oefening.css"

NOSCRIPT_TEKST = (
    "Deze oefening heeft JavaScript nodig. Zet JavaScript aan in je browser, of werk de "
    "oefening uit op papier met de afdrukversie van deze pagina."
)


def editie() -> str:
    """'docent' when the teacher edition is built (env LSP_EDITIE=docent), else 'student'."""
    return config.editie()


def json_for_html(data: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def html_container(css_class: str, attrs: dict[str, str], payload: dict[str, Any]) -> str:
    attr_text = "".join(f' {k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items())
    return (
        f'<div class="{css_class}"{attr_text}>'
        f'<script type="application/json" class="lsp-data">{json_for_html(payload)}</script>'
        f'<noscript><p class="lsp-noscript">{html.escape(NOSCRIPT_TEKST)}</p></noscript>'
        f"</div>"
    )


def vraagteksten(spec: Oefening | dict[str, Any]) -> dict[str, str]:
    """Question id -> question text, for every question that takes an answer."""
    data = spec if isinstance(spec, dict) else spec.model_dump(mode="json", exclude_none=True)
    out: dict[str, str] = {}
    for v in data["vragen"]:
        if v["type"] == "informatie":
            continue
        tekst = v.get("vraag") or " / ".join(v.get("stellingen", [])) or v["id"]
        out[v["id"]] = tekst
    return out


class StaticSiteWidget(anywidget.AnyWidget):
    """An anywidget that also carries a ``text/html`` form, which the static site mounts."""

    _esm = frontend.esm()        # one ES module string (anywidget's `export default { render }`)
    _css = CSS_PATH

    def html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else ((bundle or {}), {})
        data = dict(data)
        data["text/html"] = self.html()
        return data, metadata


class OefeningWidget(StaticSiteWidget):
    """One exercise. ``antwoorden`` syncs both ways between Python and the browser."""

    soort = traitlets.Unicode("oefening").tag(sync=True)
    oefening_id = traitlets.Unicode("").tag(sync=True)
    spec = traitlets.Dict().tag(sync=True)
    editie = traitlets.Unicode("student").tag(sync=True)
    antwoorden = traitlets.Dict().tag(sync=True)

    def __init__(self, spec_model: Oefening, **kwargs: Any) -> None:
        ed = editie()
        super().__init__(
            oefening_id=spec_model.id,
            spec=student_dict(spec_model, ed),
            editie=ed,
            **kwargs,
        )
        self._spec_model = spec_model

    # -- static site --------------------------------------------------------------------------
    def html(self) -> str:
        payload = {
            "soort": "oefening",
            "oefening_id": self.oefening_id,
            "editie": self.editie,
            "spec": self.spec,
        }
        # the id is the anchor the assignment overview links to
        attrs = {"id": f"oefening-{self.oefening_id}", "data-oefening": self.oefening_id}
        return html_container("lsp-oefening", attrs, payload)

    # -- answers <-> file -----------------------------------------------------------------------
    def opslaan(self, pad: str | Path | None = None, *, naam: str | None = None,
                studentnummer: str | None = None) -> Path:
        """Write the answers to an answer file; other exercises of this chapter in it are kept.

        ``naam``/``studentnummer`` default to those already in the file; one of them is needed.
        Without ``pad`` the file is named as the browser names it (``lsp-h1-naam-datum.json``).
        A file at ``pad`` of another chapter, or that is no answer file, is never overwritten.
        """
        spec = self._spec_model
        nu = _dt.datetime.now().astimezone()
        if pad is None:
            slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", naam or studentnummer or "")
                          .encode("ascii", "ignore").decode().lower()).strip("-") or "student"
            pad = f"lsp-h{spec.hoofdstuk}-{slug}-{nu.date().isoformat()}.json"
        pad = Path(pad)
        bestand: AntwoordBestand | None = None
        if pad.exists():
            try:
                bestand = lees_antwoorden(pad)
            except AntwoordBestandFout as exc:
                raise AntwoordBestandFout(
                    f"{pad} bestaat al en is geen bruikbaar antwoordbestand ({exc}); het blijft zoals het is. "
                    "Kies een andere bestandsnaam."
                ) from None
            if bestand.hoofdstuk != spec.hoofdstuk:
                raise AntwoordBestandFout(
                    f"{pad} bevat de antwoorden van hoofdstuk {bestand.hoofdstuk}; oefening {spec.id} hoort bij "
                    f"hoofdstuk {spec.hoofdstuk}. Het bestand blijft zoals het is: kies een andere bestandsnaam, "
                    f"bijvoorbeeld lsp-h{spec.hoofdstuk}-antwoorden.json."
                )
        naam = (naam if naam is not None else bestand.naam if bestand else "").strip()
        studentnummer = (studentnummer if studentnummer is not None else bestand.studentnummer if bestand else "").strip()
        if not naam and not studentnummer:
            raise AntwoordBestandFout(
                "Vul je naam of je studentnummer in, bijvoorbeeld: w.opslaan(naam=\"Sam de Vries\") "
                "of w.opslaan(\"antwoorden.json\", studentnummer=\"1234567\")."
            )
        antwoorden = controleer_antwoorden(spec, dict(self.antwoorden))
        vragen = {v.id: v for v in spec.vragen}
        oefeningen = dict(bestand.oefeningen) if bestand else {}
        try:
            oefeningen[spec.id] = OefeningAntwoorden.model_validate(
                {
                    "titel": spec.titel,
                    "vragen": vraagteksten(spec),
                    "antwoorden": antwoorden,
                    "leesbaar": {qid: leesbaar(vragen[qid], a) for qid, a in antwoorden.items()},
                }
            )
            bestand = AntwoordBestand(
                hoofdstuk=spec.hoofdstuk, naam=naam, studentnummer=studentnummer,
                datum=nu.date().isoformat(), tijdstip=nu.isoformat(timespec="seconds"), oefeningen=oefeningen,
            )
        except ValidationError as exc:
            raise AntwoordBestandFout(f"Het antwoordbestand klopt niet bij {fout_tekst(exc.errors()[0])}.") from None
        # write beside it, then replace: a failed write never leaves half a file
        tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
        tijdelijk.write_text(bestand.to_json(), encoding="utf-8")
        os.replace(tijdelijk, pad)
        return pad

    def laden(self, pad: str | Path) -> dict[str, Any]:
        """Read this exercise's answers from an answer file (Dutch error if it does not fit)."""
        pad = Path(pad)
        bestand = lees_antwoorden(pad)
        spec = self._spec_model
        if bestand.hoofdstuk != spec.hoofdstuk:
            raise AntwoordBestandFout(
                f"Dit antwoordbestand hoort bij hoofdstuk {bestand.hoofdstuk}; "
                f"oefening {spec.id} hoort bij hoofdstuk {spec.hoofdstuk}."
            )
        if spec.id not in bestand.oefeningen:
            raise AntwoordBestandFout(f"Het antwoordbestand bevat geen antwoorden bij oefening {spec.id}.")
        # the raw answers, not the parsed ones: a file does not name the question types, the spec does
        raw = json_laden(pad.read_bytes())["oefeningen"][spec.id].get("antwoorden", {})
        self.antwoorden = controleer_antwoorden(spec, raw)
        return dict(self.antwoorden)


def oefening(oefening_id: str) -> OefeningWidget:
    """Load ``exercises/<oefening_id>.yml`` and return its widget (display it as a cell's value)."""
    return OefeningWidget(load_spec(oefening_id))


__all__ = ["OefeningWidget", "oefening", "ExerciseSpecError", "vraagteksten", "controleer_antwoorden"]
