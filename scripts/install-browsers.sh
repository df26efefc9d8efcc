#!/usr/bin/env bash
# Installs the Debian packages the browser tests need in all three engines,
# only those that are missing (a no-op once they are all there):
#   chromium           npm test / test:browsers (Playwright launcher)
#   firefox-esr        npm run test:firefox (puppeteer-core over WebDriver BiDi)
#   webkit2gtk-driver  npm run test:webkit (WebKitWebDriver + MiniBrowser)
#   xvfb, xauth        the X display MiniBrowser needs (xvfb-run -a)
# Non-interactive and quiet: apt's output is shown only when it fails.
# Test tools cannot download their own browsers on these machines.
set -euo pipefail

PACKAGES=(chromium firefox-esr webkit2gtk-driver xvfb xauth)

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-browsers: not root and no sudo; install these Debian packages: ${missing[*]}" >&2
  exit 1
fi

echo "install-browsers: installing ${missing[*]}"
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${apt[@]}" update && "${apt[@]}" install -y "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browsers: apt-get failed for: ${missing[*]}" >&2
  exit 1
fi
