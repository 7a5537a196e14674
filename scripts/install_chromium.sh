#!/usr/bin/env bash
# Install Debian's chromium (and fonts-noto-cjk, so that the screenshots the browser tests write show
# Korean, not empty boxes) when missing. Never fails the build: when apt is impossible the browser
# tests skip and print why.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo)
else echo "WARNING: no root/apt to install ${need[*]}; browser tests skip without chromium"; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "WARNING: no apt-get to install ${need[*]}; browser tests skip without chromium"; exit 0
fi
echo "installing Debian ${need[*]} for the browser tests (apt)…"
("${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) \
  || echo "WARNING: apt could not install ${need[*]}; browser tests skip without chromium"
exit 0
