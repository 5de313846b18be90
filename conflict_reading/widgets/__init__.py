"""Interactive widgets for the lessons; every one carries a plain-text fallback."""

from .exercise import ExerciseWidget, ask
from .fallback import WithFallback, with_fallback

__all__ = ["ExerciseWidget", "WithFallback", "ask", "with_fallback"]
