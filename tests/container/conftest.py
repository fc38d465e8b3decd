"""The image under test: built once per session from this checkout, removed afterwards."""

from collections.abc import Iterator

import pytest

from tests.container.engine import build_image, podman, require_tools


@pytest.fixture(scope="session")
def image(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_tools()
    tag = build_image(tmp_path_factory.mktemp("image") / "build.log")
    yield tag
    # Only the tag goes: the image stays in the engine's layer cache for the next run.
    podman("untag", tag, check=False)
