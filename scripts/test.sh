#!/usr/bin/env bash
# The whole suite on embedded SQLite, then the same suite on MySQL/MariaDB when TEST_MYSQL_URL is set.
# LUME_TEST_DBS=sqlite runs the SQLite suite alone (CI does so on its second Node version).
set -euo pipefail
cd "$(dirname "$0")/.."

dbs="${LUME_TEST_DBS:-sqlite mysql}"
if [ "${CI:-}" = "true" ] && [[ " $dbs " == *" mysql "* ]] && [ -z "${TEST_MYSQL_URL:-}" ]; then
  echo "CI must run the MySQL suite: TEST_MYSQL_URL is not set (see .ci/run)" >&2
  exit 1
fi

node="Node $(node --version)"
if [[ " $dbs " == *" sqlite "* ]]; then
  echo "== test suite on SQLite, $node =="
  LUME_TEST_DB=sqlite npx mocha "$@"
fi

if [[ " $dbs " != *" mysql "* ]]; then
  :
elif [ -n "${TEST_MYSQL_URL:-}" ]; then
  echo "== test suite on MySQL ($(echo "$TEST_MYSQL_URL" | sed -E 's#//[^@]*@#//***@#')), $node =="
  LUME_TEST_DB=mysql npx mocha "$@"
else
  echo "(TEST_MYSQL_URL not set: MySQL run skipped; .ci/run always sets it)"
fi
