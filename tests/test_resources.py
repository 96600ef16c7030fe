"""resources.load: a large YAML file kept parsed as JSON reads back as the content YAML gives, in a new process too."""

from datetime import date

import pytest
import yaml

from timeline import resources
from timeline.settings import DATA_DIR

MADE_UP = """\
people:
  - name: Ana Moro
    born: 1961-04-02
    roles: [minister, envoy]
    score: 0.25
  - name: Ivo Sander
    born: null
    active: true
months:
  1: [january, jan]
  2: [february, feb]
"""


def _text(copies: int = 1) -> bytes:
    return "".join(MADE_UP.replace("people:", f"people{i}:").replace("months:", f"months{i}:")
                   for i in range(copies)).encode("utf-8")


def test_a_kept_file_reads_back_as_the_yaml_parse_with_its_dates_and_number_keys(tmp_path, monkeypatch):
    data = _text(3)
    parsed = yaml.safe_load(data.decode())
    assert resources._kept_parse("made_up.yaml", data, tmp_path) == parsed
    assert len(list(tmp_path.glob("made_up-*.json"))) == 1
    monkeypatch.setattr(resources, "_parse", lambda data: pytest.fail("parsed again"))
    again = resources._kept_parse("made_up.yaml", data, tmp_path)  # a new process: read from the JSON
    assert again == parsed and list(again) == list(parsed)  # same content, same order
    assert again["people0"][0]["born"] == date(1961, 4, 2) and again["months1"][2] == ["february", "feb"]


def test_a_changed_file_is_parsed_again_and_its_old_form_removed(tmp_path):
    resources._kept_parse("made_up.yaml", _text(1), tmp_path)
    changed = _text(2)
    assert resources._kept_parse("made_up.yaml", changed, tmp_path) == yaml.safe_load(changed.decode())
    assert len(list(tmp_path.glob("made_up-*.json"))) == 1


def test_content_json_cannot_hold_and_an_unwritable_folder_only_cost_the_parse(tmp_path):
    stamped = _text(1) + b"stamp: 2031-02-17 10:15:00\n"  # a datetime: not kept
    assert resources._kept_parse("stamped.yaml", stamped, tmp_path) == yaml.safe_load(stamped.decode())
    assert not list(tmp_path.glob("stamped-*.json"))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert resources._kept_parse("made_up.yaml", _text(1), blocker / "sub") == yaml.safe_load(_text(1).decode())


@pytest.mark.parametrize("name", ["actors.yaml", "events.yaml", "typeguess.yaml"])
def test_the_project_large_rule_files_read_back_as_their_yaml(name, tmp_path):
    data = (DATA_DIR / name).read_bytes()
    assert len(data) >= resources.KEPT_BYTES  # kept
    resources._kept_parse(name, data, tmp_path)
    assert resources._kept_parse(name, data, tmp_path) == yaml.load(data.decode(), Loader=resources._SAFE_LOADER)
