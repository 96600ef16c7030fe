"""The one loader for rule and lexicon files under data/ (YAML or JSON), read once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .settings import DATA_DIR

# libyaml's safe loader when the C extension is there (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str, data_dir: Path = DATA_DIR) -> Any:
    """Parsed content of data/<name> (a .yaml/.yml or .json file). Callers must not mutate it."""
    path = Path(data_dir) / name
    with path.open(encoding="utf-8") as handle:
        if path.suffix == ".json":
            return json.load(handle)
        return yaml.load(handle, Loader=_SAFE_LOADER)
