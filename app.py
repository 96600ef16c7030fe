"""The dashboard: an interactive timeline of the articles in data/articles (work in progress)."""

import streamlit as st

st.set_page_config(page_title="News timeline", layout="wide")
st.title("News timeline")
st.info("The timeline is being built; the temporal tagger is available as `python -m timeline timex`.")
