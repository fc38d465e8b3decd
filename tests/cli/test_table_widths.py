"""Every command that prints a table, on the seed data: at 80 and at 200 columns (and in a real
terminal) no line is wider than the screen, every column of meaning is there and every ID of
the command's --json is printed whole on one line; into a pipe, every ID and every text is
printed whole on one line."""

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import termios
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from tests.cli.test_process import MILCAP
from tests.cli.test_read_commands import ok
from tests.live_server import PROJECT_ROOT, LiveServer

Json = Any
# Colours and styles, which a terminal gets and a reader does not see as characters.
ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
SOURCE = "abbasova-2021-kazakhstan-pledges-military-aid"
TIMEOUT = 60


@dataclass(frozen=True)
class Case:
    command: tuple[str, ...]
    # The column headers, or the field labels, of the command's tables.
    labels: tuple[str, ...]
    # What a reader pastes back into a command, read from the command's --json.
    ids: Callable[[Json], Iterable[str]]
    # Prose, printed whole on one line when nothing bounds the width.
    texts: Callable[[Json], Iterable[str]] = lambda _: ()

    def __str__(self) -> str:
        return "-".join(self.command)


def each(*keys: str) -> Callable[[Json], Iterable[str]]:
    return lambda items: [item[key] for item in items for key in keys if item[key]]


def cited(*holders: Json) -> list[str]:
    """The articles the holders cite: their IDs are in the sources legend."""
    return [citation["source_id"] for holder in holders for citation in holder["citations"]]


def what(transfer: Json) -> str:
    return str(transfer["equipment"]["name"] if transfer["equipment"] else transfer["description"])


CASES = [
    Case(("countries",), ("Code", "ISO3", "Name", "Region"), each("iso2", "iso3"), each("name")),
    Case(
        ("country", "KZ"),
        ("Indicator", "Value", "As of", "Scope", "Source", "ID", "Article"),
        lambda country: [*each("id")(country["indicators"]), *cited(*country["indicators"])],
        lambda country: [country["official_name"]],
    ),
    Case(
        ("inventory", "KZ"),
        ("Category", "Equipment", "Quantity", "As of", "Kind", "Source", "ID", "Article"),
        lambda entries: [*each("id")(entries), *cited(*entries)],
        lambda entries: [e["equipment"]["name"] for e in entries if e["equipment"]],
    ),
    Case(
        ("timeline", "KZ"),
        ("Date", "Kind", "What", "Stance", "Source", "ID"),
        lambda items: [*each("id")(items), *cited(*items)],
        each("title"),
    ),
    Case(
        ("indicators", "population"),
        ("Country", "2017", "2021", "Article"),
        lambda claims: [*each("id")(claims), *cited(*claims)],
    ),
    Case(("indicators",), ("Name", "Label", "Unit", "Definition"), each("name"), each("label")),
    Case(
        ("events",),
        ("Date", "Type", "What", "Who (role)", "Where", "Stance", "ID"),
        each("id", "type"),
        each("title"),
    ),
    Case(
        ("person", "kassym-jomart-tokayev"),
        (
            *("Title", "Organization", "Country", "From", "To", "Stance", "Source"),
            *("Date", "Type", "What", "Role", "ID", "Article"),
        ),
        lambda person: [
            person["slug"],
            *each("id")(person["events"]),
            *cited(person, *person["roles"]),
        ],
        lambda person: [*each("title")(person["roles"]), *each("title")(person["events"])],
    ),
    Case(
        ("agreements",),
        ("Title", "Type", "Parties (role)", "Signed", "Status", "ID"),
        each("id"),
        each("title"),
    ),
    Case(
        ("transfers",),
        ("Supplier", "Recipient", "What", "Quantity", "Years", "Status", "ID"),
        each("id", "supplier", "recipient", "status"),
        lambda transfers: map(what, transfers),
    ),
    Case(
        ("equipment",),
        ("Slug", "Name", "Category", "Role", "Origin", "Manufacturer"),
        each("slug", "category", "origin_country"),
        each("name", "role"),
    ),
    Case(
        ("equipment", "mig-29"),
        ("Aliases", "Category", "Role", "Origin", "Manufacturer", "Operators"),
        lambda item: [item["slug"], item["category"], *cited(item)],
        lambda item: [citation["quote"] for citation in item["citations"]],
    ),
    Case(
        ("sources",),
        ("Title", "Author", "Publisher", "Published", "ID"),
        each("id"),
        each("title"),
    ),
    Case(("categories",), ("Slug", "Label", "UN Register category"), each("slug"), each("label")),
    Case(
        ("organizations",),
        ("Slug", "Name", "Kind", "Country"),
        each("slug", "kind", "country"),
        each("name"),
    ),
    Case(
        ("search", "Kazakhstan"),
        ("Kind", "Title", "Passage", "ID"),
        each("id", "kind"),
        each("title"),
    ),
    Case(
        ("meta",),
        ("Dataset version", "Loaded at", "Licence", "Cite as", "Table", "Rows"),
        lambda meta: [meta["dataset_version"], meta["loaded_at"], *meta["counts"]],
        lambda meta: [meta["licence"]],
    ),
    Case(
        ("cite", SOURCE),
        (),
        lambda cited: [cited["source"]["id"], *each("id")(cited["claims"])],
        lambda cited: each("summary")(cited["claims"]),
    ),
]


def the_json(runner: CliRunner, live_server: LiveServer, case: Case) -> Json:
    return json.loads(ok(runner, live_server, *case.command, "--json"))


def shows(screen: str, value: str) -> bool:
    """Whether `value` is on one line of the screen, whole: not cut short, not folded onto the
    next line, not the start of a longer ID."""
    return re.search(rf"(?<![\w.-]){re.escape(value)}(?![\w-]|\.\w)", screen) is not None


def assert_readable(screen: str, width: int, case: Case, printed: Json) -> None:
    assert max(map(cell_len, screen.splitlines())) <= width
    assert [key for key in case.ids(printed) if not shows(screen, key)] == []
    assert [label for label in case.labels if not shows(screen, label)] == []


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_table_fits_the_width_with_every_column_and_every_id_whole(
    runner: CliRunner, live_server: LiveServer, case: Case, width: int
) -> None:
    screen = ok(runner, live_server, *case.command, columns=width)
    assert_readable(screen, width, case, the_json(runner, live_server, case))


def in_a_terminal(command: tuple[str, ...], columns: int, url: str) -> str:
    """What the installed command shows in a real terminal `columns` wide (a pseudo-terminal
    whose size is set as a terminal emulator sets it), its colours taken out."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "MILCAP_URL": url, "TERM": "xterm-256color"}
    for bound in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR"):
        env.pop(bound, None)
    process = subprocess.Popen(
        [str(MILCAP), *command],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=PROJECT_ROOT,
    )
    os.close(follower)
    received = bytearray()
    try:
        while select.select([leader], [], [], TIMEOUT)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command has closed the terminal
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(leader)
    assert process.wait(timeout=TIMEOUT) == 0, received.decode(errors="replace")
    # A terminal ends its lines with CR LF.
    return ESCAPE_SEQUENCE.sub("", received.decode().replace("\r\n", "\n"))


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize(
    "case", [case for case in CASES if case.command[0] in ("inventory", "timeline")], ids=str
)
def test_a_real_terminal_of_that_width_shows_every_column_and_every_id_whole(
    runner: CliRunner, live_server: LiveServer, case: Case, width: int
) -> None:
    screen = in_a_terminal(case.command, width, live_server.url)
    assert_readable(screen, width, case, the_json(runner, live_server, case))


def test_a_wide_terminal_shows_the_inventory_as_one_table(live_server: LiveServer) -> None:
    screen = in_a_terminal(("inventory", "KZ"), 200, live_server.url)
    header = next(line for line in screen.splitlines() if "Category" in line)
    columns = ["Category", "Equipment", "Quantity", "As", "of", "Kind", "Source", "ID"]
    assert header.split() == columns
    tanks = next(line for line in screen.splitlines() if line.startswith(" Tanks"))
    assert tanks.split()[-1] == "kz-gfp-2021-tanks"


@pytest.fixture(scope="module")
def piped(live_server: LiveServer) -> dict[tuple[str, ...], str]:
    """What the installed command writes into a pipe, for every case (run side by side)."""
    env = {**os.environ, "MILCAP_URL": live_server.url}
    env.pop("COLUMNS", None)
    running = {
        case.command: subprocess.Popen(
            [str(MILCAP), *case.command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=PROJECT_ROOT,
            text=True,
        )
        for case in CASES
    }
    written = {}
    for command, process in running.items():
        out, err = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, err
        written[command] = out
    return written


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_pipe_gets_every_id_and_every_text_whole_on_one_line(
    runner: CliRunner,
    live_server: LiveServer,
    piped: dict[tuple[str, ...], str],
    case: Case,
) -> None:
    lines = piped[case.command].splitlines()
    printed = the_json(runner, live_server, case)
    wanted = [*case.ids(printed), *case.texts(printed)]
    assert wanted
    assert [value for value in wanted if not any(value in line for line in lines)] == []
    assert [label for label in case.labels if not shows("\n".join(lines), label)] == []
    # Nothing is padded out to the width of the pipe's console.
    assert max(len(line) - len(line.rstrip()) for line in lines) < 1000
