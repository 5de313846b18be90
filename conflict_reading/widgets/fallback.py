"""Show a widget, or plain text where widgets cannot render.

A front end that renders widgets (JupyterLab, Notebook 7, VS Code) shows the
widget.  Anything else (GitHub's notebook preview, ``nbconvert`` to HTML or
PDF, a terminal, a kernel whose widget extension is missing) shows the text.

>>> import ipywidgets as w
>>> shown = with_fallback(w.Button(description="Try me"), "A button: run check(...) instead.")
>>> shown._repr_mimebundle_()["text/plain"]
'A button: run check(...) instead.'
"""

from dataclasses import dataclass

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class WithFallback:
    """A widget plus the text to show where the widget cannot be drawn."""

    widget: object
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude, **kwargs) or {}
        if isinstance(bundle, tuple):  # (data, metadata)
            bundle = bundle[0]
        bundle = dict(bundle)
        bundle["text/plain"] = self.text
        return bundle

    def __repr__(self) -> str:
        return self.text


def with_fallback(widget, text: str) -> WithFallback:
    """Wrap ``widget`` so that front ends without widgets show ``text``."""
    return WithFallback(widget, text)
