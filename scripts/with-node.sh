#!/usr/bin/env bash
# Run a command under Node <major>, fetched from the npm registry (the `node` package) and cached per major
# outside the repository, whatever Node the machine has.
#   scripts/with-node.sh 24 npm ci
#   scripts/with-node.sh 22 npm test
#   scripts/with-node.sh 24 --refresh     # fetch the newest 24.x now (otherwise at most once a week)
# Cache: $LUME_NODE_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/lume/node/<major>. The command runs with that Node first
# on PATH (npm, npx and every `#!/usr/bin/env node` script use it) and npm_config_nodedir at its headers, so native
# addons (sqlite3) build against the Node that runs them and node-gyp downloads nothing.
set -euo pipefail

usage() { echo "usage: $0 <node major, e.g. 24> [--refresh | command args…]" >&2; exit 2; }
[ $# -ge 1 ] && [[ $1 =~ ^[0-9]+$ ]] || usage
major=$1
shift
refresh=
if [ "${1:-}" = "--refresh" ]; then refresh=1; shift; fi
[ -n "$refresh" ] || [ $# -ge 1 ] || usage

cache="${LUME_NODE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/lume/node}"
dir="$cache/$major"
bin="$dir/node_modules/node/bin"

is_major() { [ "$("$1/node_modules/node/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; }

# Install node@<major> into a fresh folder and swap it in whole, so a failed or concurrent fetch never leaves a
# half-installed Node behind. The bootstrap uses whichever npm is on PATH; nothing else does.
fetch() {
  mkdir -p "$cache"
  local stage
  stage="$(mktemp -d "$cache/.fetch-$major.XXXXXX")"
  # The `node` package installs its platform's binary (node-<os>-<arch>, headers included) from a preinstall
  # script: allow it explicitly, as npm 11 asks. Run from the stage so no project .npmrc applies.
  printf '{"private":true,"allowScripts":{"node":true}}\n' >"$stage/package.json"
  echo "with-node: fetching node@$major from the npm registry into $dir" >&2
  if ! (cd "$stage" && npm install --no-save --no-audit --no-fund --loglevel=error "node@$major" >&2) ||
    ! is_major "$stage"; then
    rm -rf "$stage"
    echo "with-node: could not install a working Node $major from the npm registry" >&2
    return 1
  fi
  chmod 755 "$stage"
  local old="$cache/.old-$major.$$"
  if [ -e "$dir" ]; then mv "$dir" "$old"; fi
  mv "$stage" "$dir"
  rm -rf "$old"
}

if [ -n "$refresh" ] || ! is_major "$dir"; then
  fetch
elif [ -n "$(find "$dir" -maxdepth 0 -mtime +"${LUME_NODE_MAX_AGE_DAYS:-7}" 2>/dev/null)" ]; then
  # A week old: look for a newer patch release, but keep working offline with the one we have.
  fetch || { echo "with-node: keeping $("$bin/node" --version)" >&2; touch "$dir"; }
fi
[ -z "$refresh" ] || { "$bin/node" --version; exit 0; }

headers=""
for d in "$dir"/node_modules/node/node_modules/node-*-* "$dir"/node_modules/node-*-*; do
  if [ -f "$d/include/node/node_api.h" ]; then headers="$d"; break; fi
done
[ -n "$headers" ] || { echo "with-node: no Node headers under $dir (node-gyp would try to download them)" >&2; exit 1; }

export PATH="$bin:$PATH"
export npm_config_nodedir="$headers"
exec "$@"
