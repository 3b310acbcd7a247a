#!/bin/sh
# Makes test/fixtures/plans/tables/kindergarten-2025.docx from the HTML table beside it with LibreOffice
# Writer (a program other than taizhang). The .docx is committed; this is how it was made.
set -e
cd "$(dirname "$0")/../fixtures/plans/tables"
profile=$(mktemp -d /tmp/lo-task-table-XXXXXX)
soffice "-env:UserInstallation=file://$profile" --headless --norestore \
  --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' kindergarten-2025.html
rm -rf "$profile"
