#!/bin/sh
# uv in the image's build stage, taking packages from PyPI (DEPENDENCIES=index) or only from
# the wheelhouse copied to /wheelhouse (DEPENDENCIES=wheelhouse), where builds have no network.
# uv itself comes from the same place, at the version the Makefile uses (UV_VERSION).
set -eu

case "${DEPENDENCIES:-index}" in
  index) ;;
  wheelhouse)
    # uv offline still reads --find-links: packages come from the wheelhouse or not at all.
    export PIP_NO_INDEX=1 PIP_FIND_LINKS=/wheelhouse UV_OFFLINE=1 UV_FIND_LINKS=/wheelhouse
    ;;
  *)
    echo "error: DEPENDENCIES must be index or wheelhouse, not '${DEPENDENCIES}'" >&2
    exit 2
    ;;
esac

if [ ! -x /opt/uv/bin/uv ]; then
  python3 -m venv /opt/uv
  /opt/uv/bin/pip install --quiet "uv==${UV_VERSION}"
fi
exec /opt/uv/bin/uv "$@"
