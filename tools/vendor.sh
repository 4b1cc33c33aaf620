#!/usr/bin/env bash
# Refresh the third-party files the project vendors (pinned versions, from the npm registry).
# The site itself vendors nothing: its only front-end code is our own book/static/lsp/.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.10.3
SCORM_AGAIN_VERSION=3.4.3   # MIT; the LMS side of tests/test_scorm.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null && tar xzf "axe-core-${AXE_VERSION}.tgz")
cp "$tmp/package/axe.min.js" tests/vendor/axe.min.js
cp "$tmp/package/LICENSE" tests/vendor/axe-core.LICENSE
echo "axe-core ${AXE_VERSION} -> tests/vendor/"
(cd "$tmp" && npm pack --silent "scorm-again@${SCORM_AGAIN_VERSION}" >/dev/null && mkdir sa && tar xzf "scorm-again-${SCORM_AGAIN_VERSION}.tgz" -C sa)
cp "$tmp/sa/package/dist/scorm-again.min.js" tests/vendor/scorm-again.min.js
cp "$tmp/sa/package/LICENSE" tests/vendor/scorm-again.LICENSE
echo "scorm-again ${SCORM_AGAIN_VERSION} -> tests/vendor/"
