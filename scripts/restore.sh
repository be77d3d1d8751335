#!/usr/bin/env bash
# Restores a database dump made by scripts/backup.sh, and optionally the uploads and the
# whitepapers archives.
#
#   scripts/restore.sh [--yes] [--force] <dump file> [uploads .tar.gz] [whitepapers .tar.gz]
#
# Database: DATABASE_URL, else the embedded development server of `npm start`
#   (postgres://postgres:…@127.0.0.1:${EMBEDDED_PG_PORT:-54329}/magnetiq; it must be running).
# Restores into an EMPTY database (no tables, views or sequences in its schemas), in one
# transaction: on any error nothing changes. A database that holds anything is refused unless
# --force is given; then the objects in the dump are dropped and recreated (pg_restore --clean
# --if-exists) and tables that are not in the dump are left alone. Stop the CMS first.
# The uploads archive is unpacked over UPLOADS_DIR (default cms/public/uploads): files of the
# same name are replaced, others are kept. The whitepapers archive is unpacked the same way into
# WHITEPAPERS_DIR (default: WHITEPAPERS_FILES_DIR as the CMS resolves it, else
# cms/private/whitepapers); give "" as the uploads archive to restore only the whitepapers.
# Asks for confirmation unless --yes is given.
# PG_BIN_DIR: folder of pg_restore/psql; by default one matching the server is searched for.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/database-url.sh
. "$ROOT/scripts/lib/database-url.sh"

usage() {
  echo "usage: scripts/restore.sh [--yes] [--force] <dump file> [uploads .tar.gz] [whitepapers .tar.gz]" >&2
}

assume_yes=0
force=0
args=()
for arg in "$@"; do
  case "$arg" in
    -y | --yes) assume_yes=1 ;;
    -f | --force) force=1 ;;
    -h | --help)
      sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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

if [ "${#args[@]}" -lt 1 ] || [ "${#args[@]}" -gt 3 ]; then
  usage
  exit 2
fi
dump="${args[0]}"
uploads="${args[1]:-}"
whitepapers="${args[2]:-}"
UPLOADS_DIR="${UPLOADS_DIR:-$ROOT/cms/public/uploads}"
# shellcheck source=scripts/lib/whitepapers-dir.sh
. "$ROOT/scripts/lib/whitepapers-dir.sh"

if [ ! -f "$dump" ]; then
  echo "no such dump file: $dump" >&2
  exit 1
fi
if [ -n "$uploads" ] && [ ! -f "$uploads" ]; then
  echo "no such uploads archive: $uploads" >&2
  exit 1
fi
if [ -n "$whitepapers" ] && [ ! -f "$whitepapers" ]; then
  echo "no such whitepapers archive: $whitepapers" >&2
  exit 1
fi

magnetiq_database_url
magnetiq_check_client_version pg_restore

# Check the files before touching anything.
if ! "${PG_BIN}pg_restore" --list "$dump" >/dev/null; then
  echo "$dump is not a pg_dump custom-format archive" >&2
  exit 1
fi
for archive in "$uploads" "$whitepapers"; do
  if [ -n "$archive" ] && ! tar -tzf "$archive" >/dev/null; then
    echo "$archive is not a readable .tar.gz archive" >&2
    exit 1
  fi
done

# Anything in the target besides PostgreSQL's own catalogs? (tables, views, sequences, ...)
objects="$("$PSQL" -X -A -t -q -v ON_ERROR_STOP=1 --dbname "$DB_URL" -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'")"
if [ "$objects" != "0" ] && [ "$force" != "1" ]; then
  echo "Refusing to restore: ${DB_URL_MASKED} is not empty (${objects} tables, indexes or sequences). Restore into a new, empty database (createdb), or pass --force to drop and recreate the objects of the dump in this one." >&2
  exit 1
fi

echo "[restore] database ${DB_URL_MASKED} (${DB_SOURCE}) <- $dump"
[ -n "$uploads" ] && echo "[restore] uploads ${UPLOADS_DIR} <- $uploads"
[ -n "$whitepapers" ] && echo "[restore] whitepapers ${WHITEPAPERS_DIR} <- $whitepapers"

if [ "$assume_yes" != "1" ]; then
  if [ ! -t 0 ]; then
    echo "Refusing to restore without confirmation: no terminal to ask on. Pass --yes." >&2
    exit 1
  fi
  if [ "$objects" = "0" ]; then
    read -r -p "Restore into that (empty) database? Type 'yes' to continue: " answer
  else
    read -r -p "This replaces the data in that database. Type 'yes' to continue: " answer
  fi
  if [ "$answer" != "yes" ]; then
    echo "Aborted." >&2
    exit 1
  fi
fi

clean=()
[ "$objects" != "0" ] && clean=(--clean --if-exists)
"${PG_BIN}pg_restore" "${clean[@]}" --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname "$DB_URL" "$dump"
echo "[restore] database restored"

if [ -n "$uploads" ]; then
  mkdir -p "$UPLOADS_DIR"
  tar -xzf "$uploads" -C "$UPLOADS_DIR" --no-same-owner
  echo "[restore] uploads restored into $UPLOADS_DIR"
fi

if [ -n "$whitepapers" ]; then
  # private files: readable by the CMS's user only, as the CMS creates the folder (mode 750)
  mkdir -p -m 750 "$WHITEPAPERS_DIR"
  tar -xzf "$whitepapers" -C "$WHITEPAPERS_DIR" --no-same-owner
  echo "[restore] whitepapers restored into $WHITEPAPERS_DIR"
fi
