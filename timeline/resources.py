"""The one loader for rule and lexicon files under data/ (YAML or JSON), read once per process.

A large YAML file (the gazetteer, the trigger rules: ``KEPT_BYTES`` or more) is also kept parsed, as JSON, in the
project's cache folder under the SHA-256 of its bytes, so a new process reads the JSON (a few milliseconds) instead of
parsing the YAML again (the gazetteer alone took about 0.2 s of CPU). Dates and mappings with keys other than text,
which JSON has no form for, are written tagged; a file whose content cannot be written so, and a folder that cannot be
read or written, only cost the parse the store would have saved. The content read back equals the parsed content.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .settings import DATA_DIR, PROJECT_DIR

# libyaml's safe loader when the C extension is there (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEPT_FOLDER = PROJECT_DIR / ".cache" / "timeline" / "data"
KEPT_BYTES = 64 << 10  # smaller files parse in a few milliseconds: not kept
_TAG = "\0"  # the key of a tagged value: {"\0": [kind, value]}


@lru_cache(maxsize=None)
def load(name: str, data_dir: Path = DATA_DIR) -> Any:
    """Parsed content of data/<name> (a .yaml/.yml or .json file). Callers must not mutate it."""
    path = Path(data_dir) / name
    if path.suffix == ".json":
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    data = path.read_bytes()
    if len(data) < KEPT_BYTES:
        return _parse(data)
    return _kept_parse(name, data, KEPT_FOLDER)


def _parse(data: bytes) -> Any:
    return yaml.load(data.decode("utf-8"), Loader=_SAFE_LOADER)


def _kept_parse(name: str, data: bytes, folder: Path) -> Any:
    """The parsed YAML ``data``, read from its JSON in ``folder`` when a process kept it there, else parsed and kept."""
    kept = folder / f"{Path(name).stem}-{hashlib.sha256(data + yaml.__version__.encode()).hexdigest()[:24]}.json"
    try:
        return _untagged(json.loads(kept.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    parsed = _parse(data)
    try:
        text = json.dumps(_tagged(parsed), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):  # a value JSON cannot hold, even tagged
        return parsed
    if _untagged(json.loads(text)) == parsed:
        _write(kept, text)
    return parsed


def _write(kept: Path, text: str) -> None:
    """``text`` as ``kept``, written whole or not at all; the kept forms of the file's older contents removed."""
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for old in kept.parent.glob(f"{kept.name.rsplit('-', 1)[0]}-*.json"):
            old.unlink(missing_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, kept)
    except OSError:  # a folder that cannot be written: parsed again next time
        pass


def _tagged(value: Any) -> Any:
    """``value`` as JSON can hold it: dates and datetimes, and mappings whose keys are not all text, tagged."""
    if isinstance(value, dict):
        if all(isinstance(key, str) and key != _TAG for key in value):
            return {key: _tagged(item) for key, item in value.items()}
        return {_TAG: ["map", [[_tagged(key), _tagged(item)] for key, item in value.items()]]}
    if isinstance(value, list):
        return [_tagged(item) for item in value]
    if isinstance(value, datetime):
        raise TypeError("a datetime")  # rare in rule files: such a file is not kept
    if isinstance(value, date):
        return {_TAG: ["date", value.isoformat()]}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(type(value).__name__)


def _untagged(value: Any) -> Any:
    if isinstance(value, dict):
        if _TAG in value:
            kind, item = value[_TAG]
            if kind == "date":
                return date.fromisoformat(item)
            return {_untagged(key): _untagged(entry) for key, entry in item}
        return {key: _untagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_untagged(item) for item in value]
    return value
