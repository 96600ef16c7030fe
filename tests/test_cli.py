import subprocess
import sys

from timeline.cli import build_parser
from timeline.settings import PROJECT_DIR


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices, "no commands registered"
    for name, command in sub.choices.items():
        assert command.description, f"{name} has no help text"


def test_module_entry_point_prints_usage():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"], cwd=PROJECT_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "python -m timeline" in result.stdout


# --- parse: the same files and reports from a cold cache, a warm one, no cache and two workers ---------

import json  # noqa: E402

import pytest  # noqa: E402

from timeline.cli import main  # noqa: E402

NEWS = PROJECT_DIR / "tests" / "fixtures" / "news"


def _parse(tmp_path, name: str, *options: str) -> tuple[bytes, dict]:
    out, report = tmp_path / f"{name}.out", tmp_path / f"{name}.report.json"
    assert main(["parse", str(NEWS), "-o", str(out), "--report", str(report), *options]) == 0
    return out.read_bytes(), json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("merged", [False, True])
def test_parse_writes_the_same_output_and_report_cold_warm_uncached_and_on_two_workers(tmp_path, fmt, merged):
    options = ["--format", fmt, *(["--merged"] if merged else [])]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = _parse(tmp_path, "cold", *options, *cache)
    assert cold[0] and cold[1]["counts"]["articles"] > 0 and cold[1]["articles"]
    assert _parse(tmp_path, "warm", *options, *cache) == cold
    assert _parse(tmp_path, "none", *options, "--no-cache") == cold
    assert _parse(tmp_path, "two", *options, "--no-cache", "--workers", "2") == cold


# --- bad destinations are refused before any article is parsed -------------------------------------

@pytest.mark.parametrize("options, message", [
    (["--format", "parquet"], "Parquet is a binary format"),
    (["-o", "{tmp}"], "it is a folder"),
    (["-o", "{tmp}/no/such/folder/out.jsonl"], "its folder does not exist"),
    (["--report", "{tmp}/no/such/folder/report.json", "-o", "{tmp}/out.jsonl"], "(--report): its folder does not exist"),
])
def test_parse_refuses_a_destination_it_cannot_write_before_parsing(tmp_path, capsys, monkeypatch, options, message):
    import timeline.commands.parse as parse_command

    monkeypatch.setattr(parse_command, "stream_pipeline", lambda *a: pytest.fail("parsed before the check"))
    options = [option.format(tmp=tmp_path) for option in options]
    assert main(["parse", str(NEWS), *options]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_timex_reads_a_file_as_the_article_readers_do_and_refuses_binary_data(tmp_path, capsys):
    text = "Harbour talks\n\nThe two ports signed a pact on 5 March 2031."
    for name, data in (("utf16.txt", text.encode("utf-16")), ("cp1252.txt", ("Caf\u00e9 " + text).encode("cp1252"))):
        (tmp_path / name).write_bytes(data)
        assert main(["timex", str(tmp_path / name)]) == 0
        found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(t["text"], t["value"]) for t in found] == [("5 March 2031", "2031-03-05")]
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40)
    assert main(["timex", str(tmp_path / "noise.txt")]) == 2
    assert "binary file" in capsys.readouterr().err
    assert main(["timex", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_chart_names_every_skipped_input_also_when_nothing_can_be_drawn(tmp_path, capsys):
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 40)
    assert main(["chart", "--no-cache", str(tmp_path / "noise.txt"), str(tmp_path / "gone.txt"),
                 "-o", str(tmp_path / "out.png")]) == 2
    err = capsys.readouterr().err
    assert "skipped noise.txt: binary file" in err and "gone.txt: no such file or folder" in err
    assert "no event found in the 0 article(s) read" in err and not (tmp_path / "out.png").exists()
    assert main(["chart", str(NEWS), "-o", str(tmp_path / "out.jpg")]) == 2
    assert "chart writes a PNG image, not .jpg" in capsys.readouterr().err
    assert main(["chart", str(NEWS), "--from", "2031-02-01", "--to", "2031-01-01", "-o", str(tmp_path / "out.png")]) == 2
    assert "--from 2031-02-01 is after --to 2031-01-01" in capsys.readouterr().err


@pytest.mark.parametrize("words", [["bench", "--workers", "0"], ["parse", "--workers", "0", "x"],
                                   ["bench", "--articles", "-5"],
                                   ["timeml", "--errors", "-3"], ["fuzz", "--replay", "x"]])
def test_a_whole_number_option_out_of_range_is_a_usage_error(words, capsys):
    with pytest.raises(SystemExit) as stopped:
        build_parser(words[0]).parse_args(words)
    assert stopped.value.code == 2 and "wants a whole number of at least" in capsys.readouterr().err


def test_a_failure_of_the_machine_is_a_one_line_error_not_a_traceback(monkeypatch, capsys):
    import timeline.commands.timex as timex_command

    def unreachable(args):
        raise OSError("Timed out trying to connect to tcp://10.0.0.9:8786 after 30 s")

    monkeypatch.setattr(timex_command, "run", unreachable)
    assert main(["timex"]) == 2
    assert capsys.readouterr().err == "error: Timed out trying to connect to tcp://10.0.0.9:8786 after 30 s\n"


def test_parse_does_not_take_its_own_earlier_output_for_an_input(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text("Ferry news\n\nThe ferry service resumed on Monday, 2 June 2031, after a strike.",
                                      encoding="utf-8")
    run = ["parse", "--no-cache", "--strict", str(folder), "-o", str(folder / "events.jsonl"),
           "--report", str(folder / "report.json")]
    assert main(run) == 0 and main(run) == 0  # the second run finds the first one's files in the folder
    err = capsys.readouterr().err
    assert "not read: events.jsonl, report.json (written by this run)" in err and "skipped" not in err
    assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["counts"]["rejected"] == 0


def test_the_summary_lists_a_files_records_rejected_for_one_reason_on_one_line(tmp_path, capsys):
    rows = "".join(f"Row {n},\n" for n in range(1, 7))
    (tmp_path / "rows.csv").write_text("title,text\n" + rows + "Row 7,The ferry service resumed on 2 June 2031.\n",
                                       encoding="utf-8")
    assert main(["parse", "--no-cache", str(tmp_path / "rows.csv"), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "skipped 6:\n  rows.csv: 6 records (#1 to #6): record's 'text' field is empty\n" in err


def test_a_cache_folder_that_cannot_be_used_is_said_and_the_parse_goes_on(tmp_path, capsys):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(NEWS / "call_paris.txt"), "--cache-dir", str(blocker), "-o", str(out)]) == 0
    assert "note: cannot use the parse cache in" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").strip()


def test_parse_output_dash_is_stdout(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["parse", "--no-cache", str(NEWS / "call_paris.txt"), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["article"] == "call_paris.txt"
    assert not (tmp_path / "-").exists()


def test_timex_reads_stdin_when_the_file_is_a_dash(monkeypatch, capsys):
    import io
    import sys as system

    monkeypatch.setattr(system, "stdin", io.TextIOWrapper(io.BytesIO("Talks ended on 5 March 2031.".encode())))
    assert main(["timex", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == "2031-03-05"


def test_the_progress_bar_moves_inside_one_large_record_file_and_the_output_is_that_of_one_job(
        tmp_path, capsys, monkeypatch):
    from timeline import batch

    records = "".join(json.dumps({"title": f"Harbour report {n}", "date": "2031-03-04",
                                  "text": f"The port authority reopened berth {n} on Monday after repairs."}) + "\n"
                      for n in range(1, 151))
    (tmp_path / "feed.jsonl").write_text(records, encoding="utf-8")
    run = ["parse", "--no-cache", str(tmp_path / "feed.jsonl"), "-o"]
    assert main([*run, str(tmp_path / "chunked.jsonl")]) == 0
    bar = capsys.readouterr().err
    assert "] 64/150" in bar and "] 128/150" in bar and "] 150/150\n" in bar
    monkeypatch.setattr(batch, "_split", lambda *args: False)  # as before: the whole file one job
    assert main([*run, str(tmp_path / "whole.jsonl")]) == 0
    assert "] 64/150" not in capsys.readouterr().err
    assert (tmp_path / "chunked.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
