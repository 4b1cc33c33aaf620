"""Exercises of the workbook: ``oefening(id)`` shows one, ``inleveren(n)`` the hand-in block."""

from .handin import InleverWidget, inleveren
from .spec import ExerciseSpecError, load_spec
from .widget import OefeningWidget, oefening

__all__ = ["oefening", "inleveren", "ExerciseSpecError", "load_spec", "OefeningWidget", "InleverWidget"]
