#!/usr/bin/env bash
# Online backup of a running assessment server: POST /api/admin/backup writes a consistent zip of
# the database into <data-dir>/backups/ on the server; with a directory argument the zip is also
# downloaded there and its SHA-256 checked.
#   ASSESSMENT_URL (default http://127.0.0.1:8080), ASSESSMENT_ADMIN_PASSWORD (required)
#   usage: tools/backup.sh [DOWNLOAD_DIR]
set -euo pipefail
url=${ASSESSMENT_URL:-http://127.0.0.1:8080}
: "${ASSESSMENT_ADMIN_PASSWORD:?set ASSESSMENT_ADMIN_PASSWORD (the admin user's password)}"
auth=(-u "admin:$ASSESSMENT_ADMIN_PASSWORD")

reply=$(curl -fsS "${auth[@]}" -X POST "$url/api/admin/backup")
echo "$reply"
name=$(printf '%s' "$reply" | grep -o '"name":"[^"]*"' | cut -d'"' -f4)
sha=$(printf '%s' "$reply" | grep -o '"sha256":"[^"]*"' | cut -d'"' -f4)
[ -n "$name" ] || { echo "backup: no backup name in the reply" >&2; exit 1; }
if [ $# -ge 1 ]; then
  mkdir -p "$1"
  curl -fsS "${auth[@]}" -o "$1/$name" "$url/api/admin/backups/$name"
  echo "$sha  $name" >"$1/$name.sha256"
  (cd "$1" && sha256sum -c "$name.sha256")
fi
