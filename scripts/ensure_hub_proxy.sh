#!/usr/bin/env bash
# configurable-http-proxy (npm) for the hub test (tests/test_hub.py) and the class benchmark
# (benchmarks/hub_class.py), installed by `make test` and `make bench-hub` into a folder of the kit's own:
#
#     scripts/ensure_hub_proxy.sh FOLDER        (the Makefile passes .venv/hub-proxy)
#
# JupyterHub's default proxy is this npm package (Zero to JupyterHub runs it too).  Nothing is installed
# globally: `npm install --prefix FOLDER`, so `make clean` removes it.  Version 5 needs Node.js 20 or newer;
# with an older Node.js (10 to 19, e.g. Debian 12's nodejs 18) version 4.6 is installed instead.
# When Node.js or npm is missing:
#   - as root with apt-get (CI, a container, a fresh Debian machine): install Debian's `nodejs` and `npm`
#     and say so in one line (apt-get's own output is shown only if it fails);
#   - otherwise: print ONE line (how to get them, or `make test-fast`, which leaves out the hub test) to
#     standard error and exit 1.
# `id`, `apt-get`, `node` and `npm` are looked up on PATH, so a test can stand in for them.
set -uo pipefail

FOLDER="${1:?usage: scripts/ensure_hub_proxy.sh FOLDER}"
PROXY="$FOLDER/node_modules/.bin/configurable-http-proxy"
NO_HUB="or run every test except the browser and hub ones with 'make test-fast'"

[ -x "$PROXY" ] && exit 0

have_node() { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }

if ! have_node; then
    if [ "$(id -u 2>/dev/null)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "The hub test needs Node.js and npm for configurable-http-proxy: install them" \
             "(e.g. 'sudo apt-get install nodejs npm', or https://nodejs.org), $NO_HUB" >&2
        exit 1
    fi
    echo "Node.js or npm is missing: installing Debian's nodejs and npm for the hub test (apt-get)..." >&2
    log="$(mktemp "${TMPDIR:-/tmp}/hub-proxy-apt.XXXXXX")"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm; } >"$log" 2>&1; then
        tail -n 25 "$log" >&2
        rm -f "$log"
        echo "apt-get could not install nodejs and npm (its last lines are above): install them by hand, $NO_HUB" >&2
        exit 1
    fi
    rm -f "$log"
    have_node || { echo "apt-get ran but node or npm is still missing, $NO_HUB" >&2; exit 1; }
fi

major="$(node -e 'process.stdout.write(String(process.versions.node.split(".")[0]))' 2>/dev/null)"
case "$major" in
    ''|*[!0-9]*) echo "node does not run here, $NO_HUB" >&2; exit 1 ;;
esac
if [ "$major" -ge 20 ]; then
    SPEC="configurable-http-proxy@>=5.3 <6"
elif [ "$major" -ge 10 ]; then
    SPEC="configurable-http-proxy@>=4.6 <5"  # version 5 needs Node.js 20
else
    echo "configurable-http-proxy needs Node.js 10 or newer (20 for version 5), and this node is $major:" \
         "install a newer Node.js, $NO_HUB" >&2
    exit 1
fi

echo "Installing $SPEC for the hub test into $FOLDER (npm, a few seconds)..." >&2
log="$(mktemp "${TMPDIR:-/tmp}/hub-proxy-npm.XXXXXX")"
if ! npm install --prefix "$FOLDER" --no-audit --no-fund --loglevel=error "$SPEC" >"$log" 2>&1; then
    tail -n 25 "$log" >&2
    rm -f "$log"
    echo "npm could not install configurable-http-proxy (its last lines are above), $NO_HUB" >&2
    exit 1
fi
rm -f "$log"
[ -x "$PROXY" ] || { echo "npm ran but $PROXY is missing, $NO_HUB" >&2; exit 1; }
exit 0
