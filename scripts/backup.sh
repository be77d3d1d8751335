#!/usr/bin/env bash
# Backs up the Magnetiq database (pg_dump, custom format), the uploads folder and the private
# folder of gated whitepaper PDFs.
#
#   scripts/backup.sh
#   DATABASE_URL=postgres://user:pass@host:5432/magnetiq BACKUP_DIR=/srv/backups scripts/backup.sh
#
# Database: DATABASE_URL, else the embedded development server of `npm start`
#   (postgres://postgres:…@127.0.0.1:${EMBEDDED_PG_PORT:-54329}/magnetiq; it must be running).
# Writes  ${BACKUP_DIR:-.data/backups}/magnetiq-<UTC timestamp>.dump
#         ${BACKUP_DIR:-.data/backups}/magnetiq-<UTC timestamp>-uploads.tar.gz
#         ${BACKUP_DIR:-.data/backups}/magnetiq-<UTC timestamp>-whitepapers.tar.gz
# and prints their paths. Then prunes: backups of the newest BACKUP_KEEP_DAYS (default 7) days
# that have one are kept, older sets (dump + archives) are deleted; 0 keeps everything.
# Only files named like the ones above are touched; the backup just written is never deleted.
# Settings: UPLOADS_DIR (default cms/public/uploads), SKIP_UPLOADS=1, WHITEPAPERS_DIR (default:
# WHITEPAPERS_FILES_DIR as the CMS resolves it, relative to cms/, else cms/private/whitepapers),
# SKIP_WHITEPAPERS=1, PG_BIN_DIR (folder of pg_dump/psql; by default one matching the server's
# major version is searched for).
# The files hold personal data (leads): they are created readable by their owner only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/database-url.sh
. "$ROOT/scripts/lib/database-url.sh"

if [ "$#" -gt 0 ]; then
  case "$1" in
    -h | --help)
      sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: scripts/backup.sh   (settings come from the environment; see --help)" >&2
      exit 2
      ;;
  esac
fi

BACKUP_DIR="${BACKUP_DIR:-$ROOT/.data/backups}"
UPLOADS_DIR="${UPLOADS_DIR:-$ROOT/cms/public/uploads}"
# shellcheck source=scripts/lib/whitepapers-dir.sh
. "$ROOT/scripts/lib/whitepapers-dir.sh"

KEEP_DAYS="${BACKUP_KEEP_DAYS:-7}"
if ! [[ "$KEEP_DAYS" =~ ^[0-9]+$ ]]; then
  echo "BACKUP_KEEP_DAYS must be a whole number of days (0 keeps every backup), not '${KEEP_DAYS}'" >&2
  exit 2
fi

magnetiq_database_url
magnetiq_check_client_version pg_dump

umask 077
mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$BACKUP_DIR/magnetiq-$stamp.dump"
uploads="$BACKUP_DIR/magnetiq-$stamp-uploads.tar.gz"
whitepapers="$BACKUP_DIR/magnetiq-$stamp-whitepapers.tar.gz"

# Write to *.partial and rename when complete: a failed run never leaves a file that looks valid.
partial=""
cleanup() { if [ -n "$partial" ]; then rm -f "$partial"; fi; }
trap cleanup EXIT

echo "[backup] database ${DB_URL_MASKED} (${DB_SOURCE})"
partial="$dump.partial"
"${PG_BIN}pg_dump" --format=custom --no-owner --file "$partial" --dbname "$DB_URL"
mv "$partial" "$dump"
partial=""
echo "[backup] database dump: $dump"

# archive_folder <what> <skip variable's value> <skip variable's name> <folder> <archive>
archive_folder() {
  if [ "$2" = "1" ]; then
    echo "[backup] $1 skipped ($3=1)"
  elif [ ! -d "$4" ]; then
    echo "[backup] $1 skipped: no folder $4"
  else
    partial="$5.partial"
    tar -czf "$partial" -C "$4" .
    mv "$partial" "$5"
    partial=""
    echo "[backup] $1 archive: $5"
  fi
}

archive_folder uploads "${SKIP_UPLOADS:-0}" SKIP_UPLOADS "$UPLOADS_DIR" "$uploads"
# The gated PDFs are not in the uploads: without them every download link fails after a restore.
archive_folder whitepapers "${SKIP_WHITEPAPERS:-0}" SKIP_WHITEPAPERS "$WHITEPAPERS_DIR" "$whitepapers"

# Retention. Days count by the UTC stamp in the file names (not mtime, which copying changes),
# and only days that have a backup: when backups failed for a while, the last good ones stay.
if [ "$KEEP_DAYS" -gt 0 ]; then
  pattern='^magnetiq-([0-9]{8})T[0-9]{6}Z(\.dump|-uploads\.tar\.gz|-whitepapers\.tar\.gz)$'
  days=()
  while IFS= read -r day; do days+=("$day"); done < <(
    for file in "$BACKUP_DIR"/magnetiq-*; do
      name="${file##*/}"
      [[ "$name" =~ $pattern ]] && echo "${BASH_REMATCH[1]}"
    done | sort -ru
  )
  if [ "${#days[@]}" -gt "$KEEP_DAYS" ]; then
    oldest_kept="${days[$((KEEP_DAYS - 1))]}"
    pruned=0
    for file in "$BACKUP_DIR"/magnetiq-*; do
      name="${file##*/}"
      [[ "$name" =~ $pattern ]] || continue
      [ "${BASH_REMATCH[1]}" \< "$oldest_kept" ] || continue
      case "$name" in "magnetiq-$stamp.dump" | "magnetiq-$stamp-uploads.tar.gz" | "magnetiq-$stamp-whitepapers.tar.gz") continue ;; esac
      rm -f -- "$file"
      echo "[backup] pruned $name"
      pruned=$((pruned + 1))
    done
    echo "[backup] kept the backups of the newest ${KEEP_DAYS} day(s) (from ${oldest_kept}); pruned ${pruned} file(s)"
  fi
fi
