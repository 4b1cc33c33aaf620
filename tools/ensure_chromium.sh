#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests (README: two commands do all set-up).
# Installs it with apt-get when it is missing and the machine allows it (root, or sudo without a
# password); otherwise says in Dutch exactly what to run, and fails.
set -euo pipefail
CHROMIUM="${LSP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
install_cmd="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Chromium ontbreekt; het Debian-pakket 'chromium' wordt nu geïnstalleerd (nodig voor de browsertests)."
    sh -c "$install_cmd" >/dev/null
    [ -x "$CHROMIUM" ] && exit 0
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Chromium ontbreekt; het Debian-pakket 'chromium' wordt nu geïnstalleerd met sudo."
    sudo -n sh -c "$install_cmd" >/dev/null
    [ -x "$CHROMIUM" ] && exit 0
  fi
fi
cat >&2 <<MSG
Chromium ontbreekt, en kon hier niet automatisch worden geïnstalleerd.
De browsertests hebben Debian's Chromium nodig (geen gedownloade browser). Voer uit:
  sudo apt-get install chromium
of zet LSP_CHROMIUM op het pad van een Chromium-programma. Draai daarna opnieuw: make test
MSG
exit 1
