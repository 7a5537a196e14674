"""Entry point of the Streamlit dashboard: navigation and language only (no page content).

Run with ``streamlit run dashboard/app.py`` from the repository root (``make run`` does it).
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import streamlit as st  # noqa: E402

from dashboard.i18n import LANGS  # noqa: E402
from dashboard.ui import enable_chart_theme, page_files, page_label, page_section, page_slug, t  # noqa: E402

# Phone widths (issue #20). Streamlit stacks every st.columns row below 640 px, one column per line.
# - a chart of fixed size (ui.map_chart's square maps, page 14's grids) wider than the screen shrinks as a
#   whole, keeping its aspect, instead of being cropped or scrolling the page sideways;
# - rows of numbers only (st.metric, st.number_input; no chart, formula, other widget or nested row): with up to
#   three columns they keep their columns (page 2's confusion-matrix grid and its header row stay a
#   grid), with four or more they go two to a line instead of one.
_ROW = '[data-testid="stHorizontalBlock"]'
_COL = '[data-testid="stColumn"]'
_NUMBERS = ':is([data-testid="stMetric"], [data-testid="stNumberInput"])'
_WIDE = ":is({})".format(", ".join(f'[data-testid="{name}"]' for name in (
    "stVegaLiteChart", "stPlotlyChart", "stImage", "stDataFrame", "stTable", "stCode", "stExpander", "stSlider",
    "stSelectbox", "stMultiSelect", "stRadio", "stSegmentedControl", "stButton", "stTextArea",
    "stHorizontalBlock")) + ", .katex-display")
RESPONSIVE_CSS = f"""
[data-testid="stVegaLiteChart"] > canvas, [data-testid="stVegaLiteChart"] > svg.marks {{
  max-width: 100% !important; height: auto !important; }}
@media (max-width: 640px) {{
  {_ROW}:has({_NUMBERS}):not(:has({_WIDE})):not(:has(> {_COL}:nth-child(4))) > {_COL},
  [data-testid="stLayoutWrapper"]:has(+ [data-testid="stLayoutWrapper"] > {_ROW} {_NUMBERS})
    > {_ROW}:not(:has({_WIDE}, {_NUMBERS})):not(:has(> {_COL}:nth-child(4))) > {_COL} {{
    flex: 1 1 0 !important; min-width: 0 !important; }}
  {_ROW}:has({_NUMBERS}):not(:has({_WIDE})):has(> {_COL}:nth-child(4)) > {_COL} {{
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }}
}}
"""

st.set_page_config(page_title="Deep Learning Part 1", page_icon=":material/neurology:", layout="wide")
enable_chart_theme()
st.html(f"<style>{RESPONSIVE_CSS}</style>")

with st.sidebar:
    st.segmented_control(t("app.lang"), options=list(LANGS), default="ko", key="lang",
                         format_func={"ko": "한국어", "en": "English"}.get)

home = st.Page("home.py", title=t("home.title"), icon=":material/home:", default=True)
ml_pages, nn_pages = [], []
for f in page_files():
    page = st.Page(f"lessons/{f.name}", title=page_label(f), url_path=page_slug(f))
    (ml_pages if page_section(f) == "ml" else nn_pages).append(page)

sections = {t("app.section.home"): [home]}
if ml_pages:
    sections[t("app.section.ml")] = ml_pages
if nn_pages:
    sections[t("app.section.nn")] = nn_pages
st.navigation(sections).run()
