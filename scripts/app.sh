#!/usr/bin/env bash
# Installs what is needed, then opens the dashboard on the sample articles in data/articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
