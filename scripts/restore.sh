#!/usr/bin/env bash
# Restores a database dump made by scripts/backup.sh, and optionally an uploads archive.
#
#   scripts/restore.sh [--yes] <dump file> [uploads .tar.gz]
#
# Database: DATABASE_URL, else the embedded development server of `npm start`
#   (postgres://postgres:…@127.0.0.1:${EMBEDDED_PG_PORT:-54329}/magnetiq; it must be running).
# Stop the CMS first. Objects in the dump are dropped and recreated (pg_restore --clean
# --if-exists) in one transaction: on any error nothing changes. Tables that are not in the
# dump are left alone. The uploads archive is unpacked over UPLOADS_DIR (default
# cms/public/uploads): files of the same name are replaced, others are kept.
# Asks for confirmation unless --yes is given. PG_BIN_DIR: folder of pg_restore/psql when the
# ones on PATH are older than the server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/database-url.sh
. "$ROOT/scripts/lib/database-url.sh"

usage() {
  echo "usage: scripts/restore.sh [--yes] <dump file> [uploads .tar.gz]" >&2
}

assume_yes=0
args=()
for arg in "$@"; do
  case "$arg" in
    -y | --yes) assume_yes=1 ;;
    -h | --help)
      sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "unknown option: $arg" >&2
      usage
      exit 2
      ;;
    *) args+=("$arg") ;;
  esac
done

if [ "${#args[@]}" -lt 1 ] || [ "${#args[@]}" -gt 2 ]; then
  usage
  exit 2
fi
dump="${args[0]}"
uploads="${args[1]:-}"
UPLOADS_DIR="${UPLOADS_DIR:-$ROOT/cms/public/uploads}"

if [ ! -f "$dump" ]; then
  echo "no such dump file: $dump" >&2
  exit 1
fi
if [ -n "$uploads" ] && [ ! -f "$uploads" ]; then
  echo "no such uploads archive: $uploads" >&2
  exit 1
fi

magnetiq_database_url
magnetiq_check_client_version pg_restore

# Check the files before touching anything.
if ! "${PG_BIN}pg_restore" --list "$dump" >/dev/null; then
  echo "$dump is not a pg_dump custom-format archive" >&2
  exit 1
fi
if [ -n "$uploads" ] && ! tar -tzf "$uploads" >/dev/null; then
  echo "$uploads is not a readable .tar.gz archive" >&2
  exit 1
fi

echo "[restore] database ${DB_URL_MASKED} (${DB_SOURCE}) <- $dump"
[ -n "$uploads" ] && echo "[restore] uploads ${UPLOADS_DIR} <- $uploads"

if [ "$assume_yes" != "1" ]; then
  if [ ! -t 0 ]; then
    echo "Refusing to restore without confirmation: no terminal to ask on. Pass --yes." >&2
    exit 1
  fi
  read -r -p "This replaces the data in that database. Type 'yes' to continue: " answer
  if [ "$answer" != "yes" ]; then
    echo "Aborted." >&2
    exit 1
  fi
fi

"${PG_BIN}pg_restore" --clean --if-exists --no-owner --no-privileges --single-transaction \
  --dbname "$DB_URL" "$dump"
echo "[restore] database restored"

if [ -n "$uploads" ]; then
  mkdir -p "$UPLOADS_DIR"
  tar -xzf "$uploads" -C "$UPLOADS_DIR" --no-same-owner
  echo "[restore] uploads restored into $UPLOADS_DIR"
fi
