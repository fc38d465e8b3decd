"""Input `milcap draft` cannot use ends in one line on stderr, never a traceback or a hang."""

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli


def _draft(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["draft", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file"),
        ("Kazakhstan fields 300 tanks, café".encode("latin-1"), "is not UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin-1"],
)
def test_unusable_files_are_refused_on_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    code, output = _draft(article)
    assert code == 1
    assert output.count("\n") == 1
    assert output.startswith("error: ")
    assert reason in output


def test_a_missing_file_is_refused_on_one_line(tmp_path: Path) -> None:
    code, output = _draft(tmp_path / "nowhere.txt")
    assert code == 1
    assert output.startswith("error: ")
    assert output.count("\n") == 1


def test_a_ten_megabyte_text_is_refused_at_once(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    sentence = "Kazakhstan fields 300 tanks and 1,200 armored vehicles, the ministry said. "
    article.write_text(sentence * (10 * 2**20 // len(sentence)), encoding="utf-8")
    started = time.perf_counter()
    code, output = _draft(article)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert "at most" in output
    assert output.count("\n") == 1


def test_the_largest_text_the_loader_takes_is_drafted_in_bounded_time(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    paragraph = (
        "Kazakhstan fields 300 tanks and 1,200 armored vehicles, the ministry said on Monday. "
        "Its population of about 19 million ranks it far behind its neighbours.\n"
    )
    article.write_text("A Long Report\n\n" + paragraph * (2 * 2**20 // len(paragraph) - 1))
    started = time.perf_counter()
    code, output = _draft(article)
    assert code == 0, output
    assert time.perf_counter() - started < 120


def test_an_invalid_published_on_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Title\n\nKazakhstan fields 300 tanks.\n")
    result = CliRunner().invoke(cli, ["draft", str(article), "--published-on", "12/11/2021"])
    assert result.exit_code == 1
    assert "--published-on" in result.output
    assert result.output.count("\n") == 1


def test_a_source_id_that_is_not_a_slug_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Title\n\nKazakhstan fields 300 tanks.\n")
    result = CliRunner().invoke(cli, ["draft", str(article), "--source-id", "Not A Slug"])
    assert result.exit_code == 1
    assert "--source-id" in result.output


def test_the_draft_goes_to_the_out_file(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Title Of The Article\n\nKazakhstan fields 300 tanks.\n")
    out = tmp_path / "draft.yaml"
    arguments = ["draft", str(article), "--source-id", "my-source", "--out", str(out)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    text = out.read_text(encoding="utf-8")
    assert "id: my-source" in text
    assert "review: pending" in text


def test_windows_line_ends_and_a_byte_order_mark_are_drafted_with_exact_offsets(
    tmp_path: Path,
) -> None:
    article = tmp_path / "article.txt"
    raw = "\ufeffA Title Of Some Length\r\n\r\nBy Ann Author March 3, 2024\r\n\r\n"
    raw += "Kazakhstan fields 300 tanks.\r\n"
    article.write_bytes(raw.encode("utf-8"))
    result = CliRunner().invoke(cli, ["draft", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)
    text = article.read_bytes().decode("utf-8")
    assert draft["source"]["title"] == "A Title Of Some Length"
    (tanks,) = [c for c in draft["candidates"] if c["kind"] == "inventory"]
    assert text[tanks["start"] : tanks["end"]] == tanks["quote"] == "Kazakhstan fields 300 tanks"
