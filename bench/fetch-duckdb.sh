#!/usr/bin/env bash
# Installs the DuckDB C library and header used as a benchmark peer into bench/.cache/duckdb
# (never into the repository): libduckdb.so from the npm package
# @duckdb/node-bindings-linux-x64 and duckdb.h from the npm package duckdb of the same version.
# Idempotent. Prints the directory.
set -euo pipefail
version="${DUCKDB_VERSION:-1.4.4}"
bindings="${DUCKDB_BINDINGS_VERSION:-1.4.4-r.4}"
top="$(cd "$(dirname "$0")/.." && pwd)"
dest="$top/bench/.cache/duckdb-$version"
if [ -f "$dest/lib/libduckdb.so" ] && [ -f "$dest/include/duckdb.h" ]; then
  echo "$dest"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is needed for the DuckDB benchmark peer (apt-get install npm)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@duckdb/node-bindings-linux-x64@${bindings}" "duckdb@${version}" >/dev/null)
mkdir -p "$dest/lib" "$dest/include"
tar xzf "$work"/duckdb-node-bindings-linux-x64-*.tgz -C "$work"
cp "$work/package/libduckdb.so" "$dest/lib/"
rm -rf "$work/package"
tar xzf "$work"/duckdb-"$version".tgz -C "$work" package/src/duckdb/src/include/duckdb.h
cp "$work/package/src/duckdb/src/include/duckdb.h" "$dest/include/"
echo "$dest"
