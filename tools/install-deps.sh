#!/usr/bin/env bash
# Installs every Debian package shujian needs to build, test and run. Idempotent: when all
# packages are present it prints nothing and exits 0. Used by `make demo`, `make check` and CI.
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build ccache pkg-config make git
  # store
  libsqlite3-dev sqlite3
  # text: GB18030, NFKC, pinyin (ICU); traditional -> simplified (OpenCC and its dictionaries)
  libicu-dev libopencc-dev opencc
  # model files, JSON, command line, logging
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  # XLSX read (zip + streaming XML) and write; libzip's CMake config wants its tools present
  libzip-dev zipcmp zipmerge ziptool libexpat1-dev libxlsxwriter-dev
  # crypto
  libssl-dev libargon2-dev
  # tests: GoogleTest, Google Benchmark; clang for libFuzzer targets
  googletest libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  # tests: LibreOffice Writer opens the generated .docx documents headless (installed without
  # recommends: 55 packages, about 89 MB to download and 280 MiB installed)
  libreoffice-writer
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "Need root (or sudo) to install: ${missing[*]}" >&2
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
