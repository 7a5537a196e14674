"""Entry point of the Streamlit dashboard: navigation and language only (no page content).

Run with ``streamlit run dashboard/app.py`` from the repository root (``make run`` does it).
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import streamlit as st  # noqa: E402

from dashboard.i18n import LANGS  # noqa: E402
from dashboard.ui import enable_chart_theme, page_files, page_label, page_section, page_slug, t  # noqa: E402

# Phone widths: a map (ui.map_chart, fixed square) shrinks as a whole instead of overflowing.
RESPONSIVE_CSS = """
[class*="st-key-dlmap-"] canvas, [class*="st-key-dlmap-"] svg.marks {
  max-width: 100% !important; height: auto !important; }
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
