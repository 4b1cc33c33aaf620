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
from pathlib import Path
from typing import Any

import anywidget
import traitlets
from pydantic import ValidationError

from book import config, frontend
from book.answers import (
    ANTWOORD_PER_TYPE,
    AntwoordBestand,
    AntwoordBestandFout,
    OefeningAntwoorden,
    lees_antwoorden,
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


def controleer_antwoorden(spec: Oefening, antwoorden: Any) -> dict[str, Any]:
    """Validate answers against a spec; return them as plain JSON. Dutch ValueError on problems."""
    if not isinstance(antwoorden, dict):
        raise AntwoordBestandFout("De antwoorden moeten een mapping zijn van vraag-id naar antwoord.")
    typen = {v.id: v.type for v in spec.vragen}
    out: dict[str, Any] = {}
    for qid, antwoord in antwoorden.items():
        if qid not in typen:
            raise AntwoordBestandFout(f"Oefening {spec.id} heeft geen vraag {qid!r}.")
        model = ANTWOORD_PER_TYPE.get(typen[qid])
        if model is None:
            raise AntwoordBestandFout(f"Vraag {qid!r} van oefening {spec.id} vraagt geen antwoord.")
        try:
            out[qid] = model.model_validate(antwoord).model_dump(mode="json", exclude_none=True)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            waar = ".".join(str(p) for p in first["loc"]) or "(hele antwoord)"
            raise AntwoordBestandFout(
                f"Het antwoord op vraag {qid!r} ({typen[qid]}) klopt niet bij {waar}: {first['msg']}."
            ) from None
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
    def opslaan(self, pad: str | Path) -> Path:
        """Write the answers to an answer file; other exercises already in it are kept."""
        pad = Path(pad)
        spec = self._spec_model
        bestand: AntwoordBestand | None = None
        if pad.exists():
            bestaand = lees_antwoorden(pad)
            if bestaand.hoofdstuk == spec.hoofdstuk:
                bestand = bestaand
        if bestand is None:
            bestand = AntwoordBestand(hoofdstuk=spec.hoofdstuk, datum=_dt.date.today().isoformat())
        bestand.oefeningen[spec.id] = OefeningAntwoorden.model_validate(
            {
                "titel": spec.titel,
                "vragen": vraagteksten(spec),
                "antwoorden": controleer_antwoorden(spec, dict(self.antwoorden)),
            }
        )
        pad.write_text(bestand.to_json(), encoding="utf-8")
        return pad

    def laden(self, pad: str | Path) -> dict[str, Any]:
        """Read this exercise's answers from an answer file (Dutch error if it does not fit)."""
        bestand = lees_antwoorden(pad)
        spec = self._spec_model
        if bestand.hoofdstuk != spec.hoofdstuk:
            raise AntwoordBestandFout(
                f"Dit antwoordbestand hoort bij hoofdstuk {bestand.hoofdstuk}; "
                f"oefening {spec.id} hoort bij hoofdstuk {spec.hoofdstuk}."
            )
        if spec.id not in bestand.oefeningen:
            raise AntwoordBestandFout(f"Het antwoordbestand bevat geen antwoorden bij oefening {spec.id}.")
        raw = bestand.oefeningen[spec.id].model_dump(mode="json", exclude_none=True)["antwoorden"]
        self.antwoorden = controleer_antwoorden(spec, raw)
        return dict(self.antwoorden)


def oefening(oefening_id: str) -> OefeningWidget:
    """Load ``exercises/<oefening_id>.yml`` and return its widget (display it as a cell's value)."""
    return OefeningWidget(load_spec(oefening_id))


__all__ = ["OefeningWidget", "oefening", "ExerciseSpecError", "vraagteksten", "controleer_antwoorden"]
