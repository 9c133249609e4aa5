#!/usr/bin/env bash
# Debian packages the tests need (Debian 12, run as root):
# - libreoffice-calc: the formula oracle (test/support/libreoffice.ts) and .xlsx → PDF;
# - poppler-utils: pdftoppm (PDF → PNG), pdftotext, pdffonts;
# - fonts-liberation2: Liberation Serif/Sans, metric-compatible with Times New Roman/Arial, with the
#   Vietnamese letters (fonts-liberation 1.07 lacks them: 'ế' would fall back to DejaVu);
# - fonts-dejavu-core: the fallback for symbols;
# - chromium: the browser the task-pane tests drive with playwright-core (never a downloaded one).
# Idempotent: installs only what is missing, runs apt-get update only then. Non-zero on failure.
set -euo pipefail
packages=(libreoffice-calc poppler-utils fonts-liberation2 fonts-dejavu-core chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-apt: all present (${packages[*]})"
else
  echo "ci-apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
for tool in soffice pdftoppm pdftotext pdffonts chromium; do
  command -v "$tool" >/dev/null || { echo "ci-apt: $tool missing after install" >&2; exit 1; }
done
