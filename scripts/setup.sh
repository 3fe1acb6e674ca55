#!/usr/bin/env bash
# Installs what jingkai needs on a fresh Debian 12 machine, as root. Idempotent: a package
# already installed is not installed again, and `npm ci` runs only when the lock file is
# newer than the installed tree.
set -euo pipefail
cd "$(dirname "$0")/.."

# Boost 1.81 rather than the default 1.74: 1.74 lacks JSON and URL. Its -dev package
# conflicts with 1.74's, so nothing here may pull libboost-dev in.
debian_packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  libspdlog-dev libfmt-dev libcli11-dev libsodium-dev libxlsxwriter-dev
  libzip-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  clang-16 libclang-rt-16-dev
  postgresql
  chromium
  wrk curl fonts-wqy-microhei
  python3-sgp4
)

# Node.js: the machine's own Node 20 (Debian 12's nodejs is 18, too old for Vite 7) is
# used when present; Debian's is installed only where there is none at all.
command -v node >/dev/null || debian_packages+=(nodejs npm)

missing=()
for p in "${debian_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node and npm may come from elsewhere than Debian on a developer's machine; either works,
# as long as node is 20 or newer.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "setup: node $node_major is too old; jingkai's web UI needs Node 20" >&2
  exit 1
fi

stamp=web/node_modules/.package-lock.json
if [[ ! -f $stamp || web/package-lock.json -nt $stamp ]]; then
  echo "setup: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
