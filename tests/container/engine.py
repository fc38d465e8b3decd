"""The container engine as the image tests drive it: podman with runc, limits this machine
allows, the host's network; the image built once per session by `make image-offline`."""

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import POSTGRES_REQUIRED, PROJECT_ROOT
from tests.live_server import free_port

# crun, podman's default runtime, refuses the cgroup layout here, and raising the open-file and
# process limits is not permitted, so containers keep them at 1024.
PODMAN = ["podman", "--runtime", "runc"]
RUN_OPTIONS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", "--network", "host"]
BUILD_TIMEOUT = 900.0
START_TIMEOUT = 120.0


def require_tools() -> None:
    """Skip without podman or mmdebstrap; fail instead where CI has installed them."""
    missing = [tool for tool in ("podman", "runc", "mmdebstrap") if shutil.which(tool) is None]
    if missing:
        message = f"the container tests need {', '.join(missing)} (apt-get install them)"
        if POSTGRES_REQUIRED:
            pytest.fail(message + "; CI installs them (.ci/run)")
        pytest.skip(message)


def podman(*args: str, timeout: float = 60.0, check: bool = True) -> str:
    """Run a podman command; its standard output, or a failure carrying its output."""
    result = subprocess.run(
        [*PODMAN, *args], capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and result.returncode != 0:
        pytest.fail(f"podman {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def build_image(log: Path) -> str:
    """`make image-offline` under a tag of its own: parallel runs never share a tag.

    The Debian base and the wheelhouse it needs are made once per machine and reused, and the
    engine's layer cache makes a rebuild of unchanged sources take seconds."""
    tag = f"localhost/milcap-test:{uuid.uuid4().hex[:12]}"
    # The suite itself may run under make; the build is a make of its own.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    }
    command = ["make", "--no-print-directory", "image-offline", f"IMAGE={tag}"]
    command.append("ENGINE=" + " ".join(PODMAN))
    with log.open("w") as output:
        result = subprocess.run(
            command,
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{log.read_text()[-6000:]}")
    return tag


@dataclass(frozen=True)
class Container:
    name: str
    url: str

    def logs(self) -> str:
        # The app logs to standard error; `podman logs` replays it there.
        return subprocess.run(
            [*PODMAN, "logs", self.name],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=60,
            check=False,
        ).stdout

    def is_running(self) -> bool:
        return podman("inspect", "--format", "{{.State.Running}}", self.name).strip() == "true"

    def exec(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PODMAN, "exec", self.name, *command],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


def run_once(image: str, *command: str, user: str | None = None) -> str:
    """A command in a throwaway container of the image (in place of the entrypoint), as the
    image's user unless told otherwise."""
    options = [*RUN_OPTIONS, "--entrypoint", command[0], *(["--user", user] if user else [])]
    return podman("run", "--rm", *options, image, *command[1:])


@contextmanager
def serving(image: str, **env: str) -> Iterator[Container]:
    """The image started as a user starts it (entrypoint and all), on a free loopback port of
    the host's network, once /healthz answers; removed afterwards."""
    port = free_port()
    name = f"milcap-test-{uuid.uuid4().hex[:12]}"
    settings = {"HOST": "127.0.0.1", "PORT": str(port), **env}
    options = [option for key, value in settings.items() for option in ("--env", f"{key}={value}")]
    podman("run", "--detach", "--name", name, *RUN_OPTIONS, *options, image)
    container = Container(name, f"http://127.0.0.1:{port}")
    try:
        _wait_until_healthy(container)
        yield container
    finally:
        podman("rm", "--force", "--time", "0", name, check=False)


def _wait_until_healthy(container: Container) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{container.url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if not container.is_running():
            pytest.fail(f"the container stopped before serving:\n{container.logs()}")
        time.sleep(0.5)
    pytest.fail(f"{container.url} did not answer within {START_TIMEOUT} s:\n{container.logs()}")
