"""Entry point of the Streamlit dashboard: navigation and language only (no page content).

Run with ``streamlit run dashboard/app.py`` from the repository root (``make run`` does it).
"""
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import streamlit as st  # noqa: E402

from dashboard.i18n import LANGS  # noqa: E402
from dashboard.ui import configure_altair, page_files, page_label, page_section, page_slug, t  # noqa: E402

# Phone widths (issue #20). Streamlit stacks every st.columns row below 640 px, one column per line.
# - a chart of fixed size (ui.map_chart's square maps, page 14's grids) wider than the screen shrinks as a
#   whole, keeping its aspect, instead of being cropped or scrolling the page sideways;
# - rows of numbers only (each column an st.metric or st.number_input; no chart, formula, other widget or
#   nested row): two, or three number inputs, keep their columns (page 2's confusion-matrix grid and its
#   header row stay a grid); three metrics, or four or more, go two to a line instead of one;
# - on every screen, metric values and labels wrap rather than end in "…".
_ROW = '[data-testid="stHorizontalBlock"]'
_COL = '[data-testid="stColumn"]'
_NUMBERS = ':is([data-testid="stMetric"], [data-testid="stNumberInput"])'
_WIDE = ":is({})".format(", ".join(f'[data-testid="{name}"]' for name in (
    "stVegaLiteChart", "stPlotlyChart", "stImage", "stDataFrame", "stTable", "stCode", "stExpander", "stSlider",
    "stSelectbox", "stMultiSelect", "stRadio", "stSegmentedControl", "stButton", "stTextArea",
    "stHorizontalBlock")) + ", .katex-display")
# (CSS cannot nest :has(), so "every column holds a number" is spelled out per column count.)
_PLAIN = f"{_ROW}:not(:has({_WIDE}))"
_NUM = [f":has(> {_COL}:nth-child({i}) {_NUMBERS})" for i in (1, 2, 3)]
_INPUT_ANY = '[data-testid="stNumberInput"]'
_INPUT = [f":has(> {_COL}:nth-child({i}) {_INPUT_ANY})" for i in (1, 2, 3)]
_KEEP_COLUMNS = [
    f"{_PLAIN}:not(:has(> {_COL}:nth-child(3))){_NUM[0]}{_NUM[1]}",  # two columns of numbers
    # three number inputs, the first column may be a row label (page 2's "actual negative | TN | FP")
    f"{_PLAIN}:has(> {_COL}:nth-child(3)):not(:has(> {_COL}:nth-child(4))){_INPUT[1]}{_INPUT[2]}",
    # the header row above such a row (page 2's "| predicted negative | predicted positive")
    f'[data-testid="stLayoutWrapper"]:has(+ [data-testid="stLayoutWrapper"] > {_ROW} {_INPUT_ANY}) > '
    f"{_PLAIN}:not(:has({_NUMBERS})):not(:has(> {_COL}:nth-child(4)))",
]
_TWO_PER_LINE = [
    f"{_PLAIN}:has(> {_COL}:nth-child(4)){_NUM[0]}{_NUM[1]}",  # four or more
    # three metrics: a third of 358 px cuts their labels short
    f"{_PLAIN}:has(> {_COL}:nth-child(3)):not(:has(> {_COL}:nth-child(4))):not(:has({_INPUT_ANY})){_NUM[0]}{_NUM[1]}",
]
RESPONSIVE_CSS = f"""
[data-testid="stVegaLiteChart"] > canvas, [data-testid="stVegaLiteChart"] > svg.marks {{
  max-width: 100% !important; height: auto !important; }}
@media (max-width: 640px) {{
  {", ".join(f"{row} > {_COL}" for row in _KEEP_COLUMNS)} {{
    flex: 1 1 0 !important; min-width: 0 !important; }}
  {", ".join(f"{row} > {_COL}" for row in _TWO_PER_LINE)} {{
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }}
}}
/* on every screen: in a narrow column a long value ("99.44% – 99.70%", "2.68435e-06", page 4's three
   metrics in half a desktop row) or label wraps instead of ending in "…" */
[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] * {{
  white-space: normal !important; text-overflow: clip !important; overflow-wrap: anywhere; }}
"""



@st.cache_resource(show_spinner=False)
def warm_up_in_background() -> threading.Thread:
    """Once per server process: pay PyTorch's lazy imports for meta-device summaries (~1.3 s, page
    15's first table) in a background thread, so that no visitor waits for them."""
    from core.cnn.summary import warm_up

    thread = threading.Thread(target=warm_up, name="dl-warm-up", daemon=True)
    thread.start()
    return thread


st.set_page_config(page_title="Deep Learning Part 1", page_icon=":material/neurology:", layout="wide")
configure_altair()
warm_up_in_background()
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
