"""Home page: what this is and the list of lecture pages."""
import streamlit as st

from dashboard.ui import demo_url, page_files, page_label, page_section, t

# Material Symbols (Streamlit's own icon font), not emoji: emoji need a font many systems lack.
SECTION_ICON = {"ml": ":material/functions:", "nn": ":material/hub:"}

st.title(t("app.title"))
st.markdown(t("home.intro"))
st.subheader(t("home.pages"))
files = page_files()
if not files:
    st.info(t("home.no_pages"))
for f in files:
    st.page_link(f"lessons/{f.name}", label=page_label(f), icon=SECTION_ICON[page_section(f)])
st.link_button(t("home.demo"), demo_url(), icon=":material/draw:")
