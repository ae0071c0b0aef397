#!/usr/bin/env bash
# The whole suite on embedded SQLite, then the same suite on MySQL/MariaDB when TEST_MYSQL_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CI:-}" = "true" ] && [ -z "${TEST_MYSQL_URL:-}" ]; then
  echo "CI must run the MySQL suite: TEST_MYSQL_URL is not set (see .ci/run)" >&2
  exit 1
fi

echo "== test suite on SQLite =="
LUME_TEST_DB=sqlite npx mocha "$@"

if [ -n "${TEST_MYSQL_URL:-}" ]; then
  echo "== test suite on MySQL ($(echo "$TEST_MYSQL_URL" | sed -E 's#//[^@]*@#//***@#')) =="
  LUME_TEST_DB=mysql npx mocha "$@"
else
  echo "(TEST_MYSQL_URL not set: MySQL run skipped; .ci/run always sets it)"
fi
