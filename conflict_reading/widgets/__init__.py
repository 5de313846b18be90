"""Interactive widgets for the lessons; every one carries a plain-text fallback."""

from .fallback import WithFallback, with_fallback

__all__ = ["WithFallback", "with_fallback"]
