"""Fill-in-the-blank code: the blank ``___`` a learner replaces, and one clear line when they have not.

Lesson tasks are lines with a blank, in the manner of the spaCy course::

    top = article.words(lower=True)
    counts = nltk.FreqDist(top).most_common(___)
    check("01-top-words", counts)

``___`` (three underscores, from ``from conflict_reading.lesson import *``) is
the :class:`Blank`.  Whatever a line does with it (arithmetic, comparing,
calling, indexing, looping over it, ``str()``, ``if ___:``, passing it to a
function of the lesson) raises :class:`BlankError`, a :class:`KitError` that a
notebook shows as one line, never a traceback.  ``check(id, ___)`` (or a list
still holding a ``___``) is "Not answered yet", like ``...``.

>>> ___ + 1
Traceback (most recent call last):
...
conflict_reading.blanks.BlankError: Fill in the blank ___ first: replace it with your answer, then run the cell again.
>>> holds_blank(___), holds_blank(["Blinken", ___]), holds_blank("___")
(True, True, False)

Some blanks Python itself never hands to ``___``: an attribute name
(``article.___``), a keyword (``words(___=True)``), an imported name, or a
blank where an operator or a statement should be (a syntax error).
:func:`install` (called by ``lesson.start``) registers an IPython exception
handler for those: an error whose message or line holds ``___`` becomes one
line, "Fill in the blank ___ on this line first: <the line>".  It also turns a
``NameError`` for a name an earlier cell of the notebook makes into "Run the
cells above first: `name` is made there …".  Every other error keeps its
normal traceback.

What IPython lets us intercept (IPython 8 and 9): ``set_custom_exc`` is called
for errors raised while a cell runs, *and* for the errors of parsing a cell
(IPython calls the custom handler from ``run_cell`` when ``ast_parse``
fails), so a blank that makes a syntax error is caught too.  Not caught: a
blank that is *assigned to* or *bound* (``___ = 5``, ``for ___ in words``)
raises nothing at all (the next use of ``___`` then holds that value); code
run outside IPython (a script) shows the normal traceback for an attribute or
keyword blank.
"""

from __future__ import annotations

import ast
import difflib
import functools
import json
import linecache
import os
import re
from pathlib import Path

from .errors import KitError

BLANK = "___"
FILL_IN = f"Fill in the blank {BLANK} first: replace it with your answer, then run the cell again."


class BlankError(KitError, TypeError):
    """A blank ``___`` was used before it was filled in: one line in a notebook.

    A TypeError too, so that code which tries another way for a value it cannot use
    (``heapq``, pandas, ``check``) treats the blank as such a value.
    """


class _BlankAttributeError(BlankError, AttributeError):
    """``___.something``: an AttributeError too, so ``hasattr(___, name)`` is simply False."""


def _refuse(*_args, **_kwargs):
    raise BlankError(FILL_IN)


class Blank:
    """The blank ``___`` in a fill-in-the-blank line; there is one, :data:`___`.

    It shows as ``___``; using it any other way raises :class:`BlankError`.

    >>> [___]
    [___]
    >>> len(___)
    Traceback (most recent call last):
    ...
    conflict_reading.blanks.BlankError: Fill in the blank ___ first: replace it with your answer, then run the cell again.
    """

    __slots__ = ()
    # No __iter__: iter(___) asks __getitem__, which refuses; pandas then takes the blank for one value
    # (a "list-like" one would make it warn before refusing).
    __array_ufunc__ = None  # NumPy and pandas hand arithmetic back to the blank, which refuses it
    __hash__ = object.__hash__  # a blank can still be a key or a set member (e.g. in IPython's own tables)

    def __repr__(self) -> str:
        return BLANK

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(f"{BLANK}   (a blank: replace it with your answer)")

    def __getattr__(self, name: str):
        if name.startswith("_"):  # Python, NumPy and IPython asking what the object can do: it can do nothing
            raise AttributeError(name)
        raise _BlankAttributeError(FILL_IN)

    def __setattr__(self, name: str, value) -> None:
        raise BlankError(FILL_IN)

    # Everything a line can do with a value.
    __call__ = __getitem__ = __setitem__ = __delitem__ = __reversed__ = __len__ = _refuse  # and so iter()
    __contains__ = __bool__ = __str__ = __format__ = __bytes__ = _refuse
    __int__ = __float__ = __complex__ = __index__ = __round__ = __trunc__ = __floor__ = __ceil__ = _refuse
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __neg__ = __pos__ = __abs__ = __invert__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __matmul__ = __rmatmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __divmod__ = __rdivmod__ = __pow__ = __rpow__ = __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = _refuse
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = _refuse


___ = Blank()


def holds_blank(value) -> bool:
    """Is ``value`` the blank, or a list, tuple, set or dict with the blank as an item (or a value)?

    Items are compared by identity: nothing in ``value`` is asked anything.
    """
    if value is ___:
        return True
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(item is ___ for item in value)
    if isinstance(value, dict):
        return any(item is ___ for item in value.values())
    return False


def refuse_blanks(function):
    """``function``, except that a blank among its arguments says "fill in the blank" before anything runs.

    >>> @refuse_blanks
    ... def find(table, word): return word
    >>> find([], ___)
    Traceback (most recent call last):
    ...
    conflict_reading.blanks.BlankError: Fill in the blank ___ first: replace it with what find() needs, then run the cell again.
    """
    name = getattr(function, "__name__", "this function")

    @functools.wraps(function)
    def refusing(*args, **kwargs):
        if any(holds_blank(value) for value in (*args, *kwargs.values())):
            raise BlankError(f"Fill in the blank {BLANK} first: replace it with what {name}() needs, "
                             "then run the cell again.")
        return function(*args, **kwargs)

    return refusing


# --- in IPython: errors Python cannot hand to ___ ------------------------------------------------

#: The errors a blank can cause without ___ being asked anything, and the NameError of a skipped cell.
HANDLED = (AttributeError, NameError, TypeError, KeyError, IndexError, ValueError, ImportError, SyntaxError)
MAX_NOTEBOOK_BYTES = 20_000_000  # a notebook larger than this is not read to find where a name is made


class OneLineAdvice(KitError):
    """What the handler shows instead of a traceback."""


def _learner_lines(shell, tb) -> tuple[list[str], bool]:
    """The source lines of the learner's own code in a traceback (cells, and functions defined in them),
    innermost first, and whether the error was raised in the learner's code itself (not in the kit's)."""
    lines, innermost_is_learner = [], False
    while tb is not None:
        frame = tb.tb_frame
        innermost_is_learner = frame.f_globals is shell.user_global_ns
        if innermost_is_learner:
            lines.append(linecache.getline(frame.f_code.co_filename, tb.tb_lineno).strip())
        tb = tb.tb_next
    return lines[::-1], innermost_is_learner


def _blank_message(value, lines: list[str]) -> str | None:
    """"Fill in the blank ___ on this line first: …" if the error comes from a blank, else None."""
    if isinstance(value, SyntaxError):
        candidates = [(value.text or "").strip()]
    else:
        candidates = lines
    line = next((line for line in candidates if BLANK in line), None)
    if line is None and (isinstance(value, BlankError) or BLANK in str(value)):
        line = next(iter(lines), "")
    if line is None:
        return None
    shown = line if len(line) <= 120 else line[:117] + "…"
    return f"Fill in the blank {BLANK} on this line first: {shown}" if shown else FILL_IN


def notebook_path(shell) -> Path | None:
    """The file of the notebook the kernel runs, if the front end said (JupyterLab, Notebook 7, VS Code)."""
    names = [shell.user_ns.get("__vsc_ipynb_file__"), shell.user_ns.get("__session__"),
             os.environ.get("JPY_SESSION_NAME")]
    for name in names:
        if not isinstance(name, str) or not name.endswith(".ipynb"):
            continue
        for path in (Path(name), Path.cwd() / Path(name).name):
            try:
                if path.is_file():
                    return path
            except OSError:
                continue
    return None


def _binds(source: str, name: str) -> bool:
    """Does code ``source`` make ``name`` (assign, import, def, class, for, with … as)?"""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == name:
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) == name:
                    return True
    return False


def cell_making(shell, name: str, running: str = "") -> str | None:
    """The first line of the first code cell of the saved notebook that makes ``name`` (not the
    cell ``running``), or None if no cell does or the notebook is not known."""
    path = notebook_path(shell)
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            return None
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return None
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if not source.strip() or source.strip() == running.strip():
            continue
        try:
            python = shell.transform_cell(source)  # %magics and !commands become Python
        except Exception:
            python = source
        if _binds(python, name):
            return next(line.strip() for line in source.splitlines() if line.strip())
    return None


def _run_above_message(shell, error: NameError) -> str | None:
    name = getattr(error, "name", None)
    if not name:
        found = re.search(r"name '(\w+)' is not defined", str(error))
        name = found.group(1) if found else None
    if not name:
        return None
    try:
        running = shell.history_manager.input_hist_raw[-1]
    except (AttributeError, IndexError):
        running = ""
    if notebook_path(shell) is not None:
        first = cell_making(shell, name, running)
        if first is None:
            return None  # no cell makes it: a typo, or a name of the learner's own; the traceback says more
        shown = first if len(first) <= 60 else first[:59] + "…"
        return f"Run the cells above first: `{name}` is made there, in the cell that begins “{shown}”."
    known = [n for n in shell.user_ns if not n.startswith("_")]
    close = difflib.get_close_matches(name, known, n=1)
    maybe = f", or check the spelling (did you mean `{close[0]}`?)" if close else ", or check the spelling"
    return f"`{name}` is not made yet: run the cells above first (Run ▸ Run All Above Selected Cell){maybe}."


def _handler(shell, etype, value, tb, tb_offset=None):
    """IPython's custom exception handler: one line for a blank or a skipped cell, else the usual traceback."""
    message = None
    lines, raised_by_learner = _learner_lines(shell, tb)
    parsing = isinstance(value, SyntaxError) and not lines  # the cell did not parse: no code of it ran
    if not isinstance(value, KitError) or isinstance(value, BlankError):
        if isinstance(value, BlankError) or parsing or lines:  # errors with no cell in them are not the learner's
            message = _blank_message(value, lines)
        if message is None and isinstance(value, NameError) and raised_by_learner:
            message = _run_above_message(shell, value)
    if message is not None:
        shell.showtraceback((OneLineAdvice, OneLineAdvice(message), None))
    elif parsing:  # as IPython shows it when no handler is registered
        shell.showindentationerror() if isinstance(value, IndentationError) else shell.showsyntaxerror()
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
    return None


def install(shell=None) -> bool:
    """Register the handler in IPython (the running one by default); False outside IPython, or when
    another custom handler is already there (it is left alone)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    current = getattr(shell, "custom_exceptions", ())
    if current == HANDLED and getattr(shell, "_conflict_reading_blanks", False):
        return True
    if current:
        return False
    shell.set_custom_exc(HANDLED, _handler)
    shell._conflict_reading_blanks = True
    shell.events.register("post_run_cell", functools.partial(_keep_the_blank, shell))
    _keep_the_blank(shell)
    return True


def _keep_the_blank(shell, _result=None) -> None:
    """After every cell: ``___`` is the blank again, and IPython's output history ``_`` and ``__`` works.

    IPython keeps the last three outputs in ``_``, ``__`` and ``___``.  It stops updating all three once
    ``___`` holds something else (our blank), unless its own record of ``___`` (``user_ns_hidden`` in
    IPython 9, the display hook's attribute before) is that same object; after an output it moves the
    older output into ``___``, and this puts the blank back before the next cell.  A cell that
    assigns to ``___`` (``___ = 5``) gets the blank back too.
    """
    shell.user_ns[BLANK] = ___
    hidden = getattr(shell, "user_ns_hidden", None)
    if isinstance(hidden, dict) and BLANK in hidden:
        hidden[BLANK] = ___
    displayhook = getattr(shell, "displayhook", None)
    if displayhook is not None and hasattr(displayhook, BLANK):
        setattr(displayhook, BLANK, ___)
