#!/usr/bin/env bash
# Debian packages the tests need: LibreOffice Calc (the recalculation oracle), poppler-utils
# (PDF → PNG), fonts with Times New Roman metrics. Idempotent: installs only what is missing.
set -euo pipefail
packages=(libreoffice-calc poppler-utils fonts-liberation fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-apt: all present (${packages[*]})"
  exit 0
fi
echo "ci-apt: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
