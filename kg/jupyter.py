"""Jupyter: the interactive viewer (kg.viewer.render_html) shown inline in a notebook."""

from __future__ import annotations

import html
from typing import Any

from rdflib import Graph

from kg.errors import KgError
from kg.viewer import render_html


def show(graph: Graph, *, title: str = "kg", height: int = 600) -> Any:
    """An IPython HTML object showing the graph; the page sits in an iframe of its own."""
    try:
        from IPython.display import HTML
    except ImportError:
        raise KgError("kg.show needs IPython; run it in Jupyter (pip install ipykernel)") from None
    page = html.escape(render_html(graph, title=title))
    return HTML(
        f'<iframe srcdoc="{page}" style="width:100%;height:{height}px;border:0"'
        f' title="{html.escape(title)}"></iframe>'
    )
