#!/usr/bin/env bash
# Refresh the third-party files the project vendors (pinned versions, from the npm registry).
# The site itself vendors nothing: its only front-end code is our own book/static/lsp/.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.10.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf "axe-core-${AXE_VERSION}.tgz")
cp "$tmp/package/axe.min.js" tests/vendor/axe.min.js
cp "$tmp/package/LICENSE" tests/vendor/axe-core.LICENSE
echo "axe-core ${AXE_VERSION} -> tests/vendor/"
