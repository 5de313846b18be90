"""Errors a learner can fix, shown as one clear line instead of a traceback."""


class KitError(Exception):
    """A problem with the learner's input, not a bug in the kit.

    In Jupyter (IPython) it renders as a single line, with no traceback:

    >>> KitError("No file at missing.txt").one_line()
    '⚠ No file at missing.txt'
    """

    def one_line(self) -> str:
        return f"⚠ {self}"

    # IPython calls this hook instead of printing a traceback.
    def _render_traceback_(self):
        return [self.one_line()]


class ArticleError(KitError):
    """The article file could not be read as an article."""
