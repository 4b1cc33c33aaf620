"""Own words and honest content (issue 12): no retelling, no chapter longer than its source, every
invented example marked and listed, every safety signal of a case kept with a teacher note."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from book.exercises.spec import all_specs
from conftest import ROOT
from test_chapters import CHAPTERS, WORD, _markdown, _source_words

PARAPHRASE = ROOT.parent / "shared" / "tools" / "paraphrase_check.py"
SUMMARY = re.compile(r"paraphrase: (\d+) runs of >= (\d+) sentences, (\d+) sentences in runs of (\d+)")

# The targets of issue 12: at most 5 % of the sentences of the chapters and the introduction in
# runs of 3 or more that follow the source sentence by sentence, and no run of 5 or more.
MAX_SHARE_IN_RUNS = 0.05
LONGEST_RUN_ALLOWED = 4


def _paraphrase(*options: str) -> tuple[int, int, int]:
    proc = subprocess.run(
        [sys.executable, str(PARAPHRASE), "chapters", "intro.md", "--report-only", *options],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    found = SUMMARY.search(proc.stdout.strip().splitlines()[-1])
    assert found, proc.stdout[-2000:]
    runs, _, in_runs, total = map(int, found.groups())
    return runs, in_runs, total


def test_chapters_teach_instead_of_retelling_the_source():
    _, in_runs, total = _paraphrase()
    assert total > 1000, "the check must see the chapters"
    assert in_runs <= MAX_SHARE_IN_RUNS * total, f"{in_runs} van {total} zinnen volgen de bron zin voor zin"


def test_no_passage_retells_five_source_sentences_in_order():
    runs, _, _ = _paraphrase("--min-run", str(LONGEST_RUN_ALLOWED + 1))
    assert runs == 0


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_is_no_longer_than_its_source_chapter(name):
    words = len(WORD.findall(_markdown(name)))
    assert words <= _source_words()[name], f"{name}: {words} woorden, de bron heeft er {_source_words()[name]}"


ADMONITION = re.compile(r"^:{3,}\{admonition\}\s*(.+?)\s*\n((?::[\w-]+:.*\n)*)", re.M)


def _verzonnen_list(markdown: str) -> list[str]:
    """The items under **Verzonnen in dit hoofdstuk** in the Verantwoording."""
    part = markdown.split("## Verantwoording", 1)[-1]
    if "**Verzonnen in dit hoofdstuk**" not in part:
        return []
    block = part.split("**Verzonnen in dit hoofdstuk**", 1)[1]
    return re.findall(r"^- (.+)$", block.split("\n## ", 1)[0], re.M)


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_invented_example_is_marked_and_listed(name):
    markdown = _markdown(name)
    listed = _verzonnen_list(markdown)
    for title, options in ADMONITION.findall(markdown):
        invented_title = title.lower().startswith("verzonnen")
        invented_class = re.search(r"^:class:.*\bverzonnen\b", options, re.M) is not None
        assert invented_title == invented_class, f"{name}: '{title}' heeft titel en class niet allebei 'verzonnen'"
        if invented_title:
            assert any(item.startswith(title) for item in listed), f"{name}: '{title}' staat niet in de Verantwoording"


def test_invented_examples_exist_and_are_listed_somewhere():
    """The convention is in use (a test that finds no admonition at all would pass on anything)."""
    total = sum(len(_verzonnen_list(_markdown(name))) for name in CHAPTERS)
    assert total >= 6


# Signals that a case touches someone's safety: suicidal thoughts, child safety, violence, abuse.
SAFETY = re.compile(
    r"niet meer (?:wil )?leven|doodswens|su[iï]cid|zelfmoord|mishandel|huiselijk geweld|\bgeweld\b|"
    r"misbruik|veiligheid van (?:de|het|haar|zijn) kind",
    re.I,
)


def _student_text(spec) -> str:
    parts = [spec.casus or ""]
    for q in spec.vragen:
        data = q.model_dump()
        parts += [str(data.get(k) or "") for k in ("vraag", "tekst", "toelichting", "informatie")]
    return "\n".join(parts)


def test_every_case_with_a_safety_signal_has_a_teacher_note_on_it():
    flagged = [s for s in all_specs() if SAFETY.search(_student_text(s))]
    assert flagged, "the signal list must find the known cases (Betül, Abiba)"
    missing = [s.id for s in flagged if not (s.docent and s.docent.veiligheid)]
    assert missing == []


def test_betuls_death_wish_keeps_its_strength():
    betul = next(s for s in all_specs() if s.id == "h2_betul")
    assert re.search(r"niet meer (?:wil )?leven", betul.casus or "", re.I), "het signaal is afgezwakt"


def test_the_right_option_is_not_given_away_by_its_length():
    """Options are shuffled per student (browser tests); the text must not give the answer away
    either: the right option is seldom the one clearly longest (more than a fifth longer)."""
    questions = [q for s in all_specs() for q in s.vragen if q.type == "meerkeuze"]
    telling = 0
    for q in questions:
        lengths = sorted((len(o.tekst), o.juist) for o in q.opties)
        (longest, right), (second, _) = lengths[-1], lengths[-2]
        telling += right and not q.meerdere_juist and longest > 1.2 * second
    assert len(questions) >= 30
    assert telling <= 0.1 * len(questions), f"{telling} van {len(questions)} vragen"
