#!/bin/sh
# Start path of the container (and of the tests that exercise it): wait for the database and
# migrate, load the seeds when SEED_ON_START is true, then serve. `exec` hands the process to
# uvicorn so that SIGTERM reaches it and it shuts down gracefully.
set -eu

attempts="${DB_WAIT_ATTEMPTS:-30}"
until milcap migrate; do
  attempts=$((attempts - 1))
  if [ "$attempts" -le 0 ]; then
    echo "error: the database did not become reachable; giving up" >&2
    exit 1
  fi
  echo "waiting for the database..." >&2
  sleep 2
done

case "$(printf '%s' "${SEED_ON_START:-false}" | tr '[:upper:]' '[:lower:]')" in
  true | 1 | yes | on) milcap seed ;;
esac

exec milcap serve "$@"
