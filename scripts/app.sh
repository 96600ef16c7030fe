#!/usr/bin/env bash
# Installs what is needed, then opens the dashboard on the sample articles in data/articles.
# Extra arguments go to `streamlit run` (for example --server.port 8502).
#
# Once the server answers, one run of app.py through Streamlit's script health check imports the
# timeline package and loads the articles' board, so that the first visitor's page does not wait for
# that. No file watcher (also set in .streamlit/config.toml): watching cost each new visitor about a
# second of server CPU; pass --server.fileWatcherType auto --server.runOnSave true to reload on save.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

port=8501
previous=""
for arg in "$@"; do
  case "$arg" in
    --server.port=*) port="${arg#*=}" ;;
  esac
  if [ "$previous" = "--server.port" ]; then port="$arg"; fi
  previous="$arg"
done

(.venv/bin/python - "$port" <<'PY' &  # in a subshell: nobody waits for it, so it leaves no zombie
import sys, time, urllib.request

base = f"http://localhost:{sys.argv[1]}/_stcore"
for _ in range(240):  # up to a minute for the server to start
    try:
        if urllib.request.urlopen(f"{base}/health", timeout=2).read().strip() == b"ok":
            urllib.request.urlopen(f"{base}/script-health-check", timeout=120).read()
            break
    except OSError:
        time.sleep(0.25)
PY
)

exec .venv/bin/streamlit run app.py --server.scriptHealthCheckEnabled true --server.fileWatcherType none "$@"
