#!/usr/bin/env bash
# Installs the Debian packages the tests use, only when they are missing:
# LibreOffice Calc (re-save and PDF checks) and Writer (old .doc/.wps plans, the plan fixtures),
# CJK fonts (so PDFs show Chinese, not boxes),
# poppler-utils (pdftotext/pdfinfo to read those PDFs back), Chromium (the browser
# page's end-to-end test drives Debian's build; no browser is ever downloaded).
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# soffice may be there with Calc only: Writer's component is what loads a .doc.
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
fc-list :lang=zh family 2>/dev/null | grep -qi 'Noto Serif CJK' || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
