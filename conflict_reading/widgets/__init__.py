"""Interactive widgets for the lessons; every one carries a plain-text fallback."""

from .exercise import ExerciseWidget, ask
from .fallback import WithFallback, with_fallback
from .numbers import KindSorter, NumberHunt, highlight_numbers
from .quotes import QuoteWalkthrough, VerbSpotter, highlight_quotes

__all__ = [
    "ExerciseWidget", "KindSorter", "NumberHunt", "QuoteWalkthrough", "VerbSpotter", "WithFallback", "ask",
    "highlight_numbers", "highlight_quotes", "with_fallback",
]
