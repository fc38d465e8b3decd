#!/bin/sh
# A Debian 12 base image made on this machine from Debian's own packages (mmdebstrap), for
# builds that can reach no container registry. Made once per machine and kept in the engine's
# image store; the tag carries a digest of this script, so a changed recipe makes a new one.
# Prints the tag. Usage: ENGINE="podman" docker/debian-base.sh
set -eu

engine="${ENGINE:-podman}"
digest="$(sha256sum "$0" | cut -c1-12)"
tag="localhost/milcap-debian:bookworm-${digest}"

exists() {
  # shellcheck disable=SC2086 # ENGINE may carry options, e.g. "podman --runtime runc"
  $engine image inspect "$tag" >/dev/null 2>&1
}

if ! exists; then
  # One maker at a time per machine: parallel runs wait for the first and reuse its image.
  exec 9>"${TMPDIR:-/tmp}/milcap-debian-base.lock"
  flock 9
  if ! exists; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    echo "making the Debian base image $tag" >&2
    # Documentation, manuals and translations are left out: nothing in the image reads them.
    mmdebstrap --quiet --variant=minbase --include=python3,python3-venv \
      --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' \
      --dpkgopt='path-exclude=/usr/share/info/*' \
      bookworm "$work/base.tar" >&2
    # shellcheck disable=SC2086
    $engine import "$work/base.tar" "$tag" >/dev/null
  fi
fi
echo "$tag"
