#!/usr/bin/env bash
# Chromium for the browser tests (tests/browser), checked by `make test` before any test runs.
#
#     scripts/ensure_chromium.sh [--dry-run]
#
# The browser tests drive the system's Chromium ($CONFLICT_READING_CHROMIUM, by default
# /usr/bin/chromium), never a browser downloaded by Playwright.  When it is missing:
#   - as root with apt-get (CI, a container, a fresh Debian machine): install Debian's `chromium`
#     package and say so in one line (apt-get's own output is shown only if it fails);
#   - otherwise: print ONE line saying how to install it, or how to run the tests without the
#     browser (`make test-fast`), and exit 1.
# That one line goes to standard output, everything else to standard error: the Makefile reads the
# line with $(shell ...) and stops with it as make's only error line.
# --dry-run (what `make -n` passes): check only; say what would be installed, install nothing.
# Exit status: 0 Chromium is there (or has just been installed, or would be); 1 it is not.
# `id` and `apt-get` are looked up on PATH, so a test can stand in for them.
set -uo pipefail

CHROMIUM="${CONFLICT_READING_CHROMIUM:-/usr/bin/chromium}"
DRY_RUN=0
[ "${1:-}" = "--dry-run" ] && DRY_RUN=1
NO_BROWSER="or run every test except the browser ones with 'make test-fast'"

have_chromium() {
    if [[ "$CHROMIUM" == */* ]]; then
        [ -f "$CHROMIUM" ] && [ -x "$CHROMIUM" ]
    else
        type -P "$CHROMIUM" >/dev/null
    fi
}

have_chromium && exit 0

if [ "$(id -u 2>/dev/null)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing ($CHROMIUM) and the browser tests need it: install it with" \
         "'sudo apt-get install chromium' or set CONFLICT_READING_CHROMIUM to a Chromium binary," \
         "$NO_BROWSER"
    exit 1
fi

if [ "$DRY_RUN" = 1 ]; then
    echo "Chromium is missing ($CHROMIUM): make test would install Debian's chromium with apt-get." >&2
    exit 0
fi

echo "Chromium is missing ($CHROMIUM): installing Debian's chromium for the browser tests (apt-get, about a minute)..." >&2
log="$(mktemp "${TMPDIR:-/tmp}/chromium-apt.XXXXXX")"
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
       DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; } >"$log" 2>&1; then
    tail -n 25 "$log" >&2
    rm -f "$log"
    echo "apt-get could not install chromium (its last lines are above): install it by hand or set" \
         "CONFLICT_READING_CHROMIUM to a Chromium binary, $NO_BROWSER"
    exit 1
fi
rm -f "$log"

if ! have_chromium; then
    echo "apt-get installed chromium but $CHROMIUM is still missing: unset CONFLICT_READING_CHROMIUM" \
         "(Debian's is /usr/bin/chromium) or point it at a Chromium binary, $NO_BROWSER"
    exit 1
fi
exit 0
