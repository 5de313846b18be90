"""Interactive widgets for the lessons; every one carries a plain-text fallback."""

from .exercise import ExerciseWidget, ask
from .fallback import WithFallback, with_fallback
from .numbers import KindSorter, NumberHunt, highlight_numbers
from .places import PlaceSpotter, RoleSorter, highlight_places
from .quotes import QuoteWalkthrough, VerbSpotter, highlight_quotes
from .self_check import SelfCheck

__all__ = [
    "ExerciseWidget", "KindSorter", "NumberHunt", "PlaceSpotter", "QuoteWalkthrough", "RoleSorter", "SelfCheck",
    "VerbSpotter", "WithFallback", "ask", "highlight_numbers", "highlight_places", "highlight_quotes", "with_fallback",
]
