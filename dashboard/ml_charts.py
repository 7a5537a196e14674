"""Charts shared by pages 4 and 5 (drawing only; the numbers come from ``core.ml.sgd``)."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.sgd import mse_grid

GRID = 60  # cells per axis of the MSE map
SIZE = 420  # px: maps are square


@st.cache_data(show_spinner=False)
def mse_cells(x: tuple[float, ...], y: tuple[float, ...], a_lim: tuple[float, float],
              b_lim: tuple[float, float]) -> pd.DataFrame:
    """MSE(a, b) on a GRID×GRID grid, one row per cell with its edges (for ``mark_rect``)."""
    a_s, b_s = np.linspace(*a_lim, GRID), np.linspace(*b_lim, GRID)
    A, B = np.meshgrid(a_s, b_s)  # (GRID, GRID) each
    da, db = (a_s[1] - a_s[0]) / 2, (b_s[1] - b_s[0]) / 2
    return pd.DataFrame({"a": A.ravel() - da, "a2": A.ravel() + da, "b": B.ravel() - db, "b2": B.ravel() + db,
                         "mse": mse_grid(np.array(x), np.array(y), A, B).ravel()})


def mse_map(x: np.ndarray, y: np.ndarray, runs: dict[str, np.ndarray], colors: dict[str, str],
            a_lim: tuple[float, float], b_lim: tuple[float, float], best: tuple[float, float],
            a_title: str, b_title: str, run_title: str) -> alt.LayerChart:
    """The MSE of the line ŷ = a x + b as a map over (a, b) (darker = larger), each run's path of
    (a, b) after every update, and a star at the least-squares answer ``best``. Square."""
    a_enc = alt.X("a:Q", scale=alt.Scale(domain=list(a_lim), nice=False), title=a_title)
    b_enc = alt.Y("b:Q", scale=alt.Scale(domain=list(b_lim), nice=False), title=b_title)
    shade = alt.Scale(type="log", scheme="greys")
    heat = alt.Chart(mse_cells(tuple(x), tuple(y), tuple(a_lim), tuple(b_lim))).mark_rect().encode(
        x=a_enc, x2="a2:Q", y=b_enc, y2="b2:Q", color=alt.Color("mse:Q", scale=shade, legend=None),
        stroke=alt.Stroke("mse:Q", scale=shade, legend=None), tooltip=[alt.Tooltip("mse:Q", format=".1f")])
    frames = [pd.DataFrame({"run": name, "step": np.arange(len(p)), "a": p[:, 0], "b": p[:, 1]})
              for name, p in runs.items()]
    trace = pd.concat(frames, ignore_index=True)
    trace = trace[np.isfinite(trace[["a", "b"]]).all(axis=1)]
    palette = alt.Scale(domain=list(runs), range=[colors[n] for n in runs])
    color = alt.Color("run:N", scale=palette, title=run_title,
                      legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400))
    lines = alt.Chart(trace).mark_line(strokeWidth=1.2, clip=True, opacity=0.6).encode(
        x=a_enc, y=b_enc, color=color, order="step:Q")
    last = trace[trace["step"] == trace.groupby("run")["step"].transform("max")]
    heads = alt.Chart(last).mark_point(size=110, filled=True, stroke="white", clip=True).encode(
        x=a_enc, y=b_enc, color=alt.Color("run:N", scale=palette, legend=None),
        tooltip=["run", "step", alt.Tooltip("a:Q", format=".3f"), alt.Tooltip("b:Q", format=".3f")])
    star = alt.Chart(pd.DataFrame({"a": [best[0]], "b": [best[1]]})).mark_point(
        shape="diamond", size=260, filled=True, color="gold", stroke="black").encode(x=a_enc, y=b_enc)
    return (alt.layer(heat, lines, heads, star).resolve_scale(color="independent")
            .properties(width=SIZE, height=SIZE))
