"""Figures: every figure renders without warnings, deterministically; figuur() output and tables."""

from __future__ import annotations

import hashlib
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from book import figures  # noqa: E402
from book.data import load  # noqa: E402
from book.figures import FIGURES, draw, figure_bytes, figuur, table_html  # noqa: E402

NAMES = sorted(FIGURES)
REQUIRED = {"h0_themas_praktijken", "h0_tijdlijn", "h1_partnernetwerk", "h1_balanceerkunsten", "h2_conferenties",
            "h2_kosten_per_conferentie", "h3_bezoekers_herkomst", "h3_niet_westers", "h3_personeel", "h4_wijken",
            "h5_trechter_overschie", "h5_beleidstijdlijn", "h6_bijeenkomsten"}


def _render(name: str, fmt: str = "png") -> bytes:
    fig = draw(name)
    try:
        return figure_bytes(fig, fmt)
    finally:
        plt.close(fig)


def test_all_required_figures_registered() -> None:
    assert REQUIRED <= set(FIGURES)


@pytest.mark.parametrize("name", NAMES)
def test_figure_renders_without_warnings_and_deterministically(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first, second = _render(name), _render(name)
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert plt.get_fignums() == []


@pytest.mark.parametrize("name", ["h2_conferenties", "h1_partnernetwerk"])
def test_svg_is_deterministic_and_undated(name: str) -> None:
    a, b = _render(name, "svg"), _render(name, "svg")
    assert a == b
    assert b"<dc:date>" not in a


@pytest.mark.parametrize("name", NAMES)
def test_figure_has_source_line_and_uses_given_axes(name: str) -> None:
    fn, data_name = FIGURES[name]
    fig, ax = plt.subplots()
    try:
        assert fn(load(data_name), ax=ax) is ax
        texts = [t.get_text() for t in ax.texts]
        assert any(t.startswith("Bron: Lerende sociale professionals, ") for t in texts), texts
    finally:
        plt.close(fig)


def test_bounds_are_not_drawn_as_exact_bars() -> None:
    fig = draw("h3_personeel")
    try:
        ax = fig.axes[0]
        bars = [p for p in ax.patches if p.get_width() > 0]
        volunteers = max(bars, key=lambda p: p.get_width())      # 'meer dan 200'
        assert volunteers.get_facecolor()[:3] == (1.0, 1.0, 1.0)  # open bar, not filled
        assert any(t.get_text() == "meer dan 200" for t in ax.texts)
        assert any(getattr(t, "arrow_patch", None) is not None for t in ax.texts)
    finally:
        plt.close(fig)


def test_origin_remainder_shown_as_not_stated() -> None:
    fig = draw("h3_bezoekers_herkomst")
    try:
        ax = fig.axes[0]
        assert "niet vermeld" in [t.get_text() for t in ax.get_yticklabels()]
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", NAMES)
def test_table_html_is_accessible(name: str) -> None:
    out = table_html(name)
    assert out.startswith("<details") and "<summary>Gegevens bij deze figuur</summary>" in out
    assert "<caption>" in out and '<th scope="col">' in out and '<th scope="row">' in out
    assert "Bron" in out and "regel " in out


def test_table_states_qualifiers_in_words() -> None:
    out = table_html("h2_conferenties")
    assert "meer dan 450" in out and "hoogstens 50" in out and "minder dan 30%" in out
    assert "berekend" in out


def test_figuur_displays_one_output_with_png_and_table(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import base64
    import json

    import IPython.display as ipd

    cell = {"cell_type": "code", "source": ['figuur("h2_conferenties")'],
            "metadata": {"mystnb": {"image": {"alt": "Staafdiagram <conferenties>"}}}}
    (tmp_path / "h.ipynb").write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown: list[tuple[object, dict]] = []
    monkeypatch.setattr(ipd, "display", lambda obj, **kw: shown.append((obj, kw)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figuur("h2_conferenties")
    assert len(shown) == 1                      # one output: the figure caption wraps it once
    bundle, kw = shown[0]
    assert kw == {"raw": True}
    assert base64.b64decode(bundle["image/png"])[:4] == b"\x89PNG"
    page = bundle["text/html"]
    assert page.index("<img") < page.index("<details")
    assert 'alt="Staafdiagram &lt;conferenties&gt;"' in page
    assert plt.get_fignums() == []


def test_figuur_alt_falls_back_to_caption(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import IPython.display as ipd

    monkeypatch.chdir(tmp_path)
    shown: list[dict] = []
    monkeypatch.setattr(ipd, "display", lambda obj, **kw: shown.append(obj))
    figuur("h3_personeel")
    assert 'alt="Betaalde krachten en vrijwilligers van House of Hope;' in shown[0]["text/html"]


def test_unknown_figure() -> None:
    with pytest.raises(KeyError, match="Onbekende figuur"):
        draw("h9_bestaat_niet")


def test_palette_is_okabe_ito() -> None:
    assert set(figures.PALETTE) <= set(figures.OKABE_ITO.values())
