# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run).
#
# Picks the database (DATABASE_URL, else the embedded development server that `npm start` runs)
# and prepares the PostgreSQL client tools for it without ever putting the password on a
# command line (visible in `ps`) or in the output:
#   DB_URL         the URL without its password (what the tools get)
#   DB_URL_MASKED  the same for messages, with *** where a password was
#   PGPASSWORD     exported when the URL carried a password (percent-decoding applied)
#   PG_BIN         prefix for the tools: "$PG_BIN_DIR/" when PG_BIN_DIR is set, else "" (PATH)

magnetiq_database_url() {
  local url="${DATABASE_URL:-}"
  if [ -z "$url" ]; then
    url="postgres://postgres:magnetiq@127.0.0.1:${EMBEDDED_PG_PORT:-54329}/magnetiq"
    DB_SOURCE="embedded server (DATABASE_URL unset)"
  else
    DB_SOURCE="DATABASE_URL"
  fi
  case "$url" in
    postgres://* | postgresql://*) ;;
    *)
      echo "DATABASE_URL must be a postgres:// or postgresql:// URL" >&2
      return 1
      ;;
  esac

  local scheme="${url%%://*}" rest="${url#*://}"
  local authority="${rest%%/*}" path=""
  [ "$authority" != "$rest" ] && path="/${rest#*/}"

  local userinfo="" hostport="$authority"
  if [[ "$authority" == *@* ]]; then
    userinfo="${authority%@*}"
    hostport="${authority##*@}"
  fi

  local user="$userinfo" password=""
  if [[ "$userinfo" == *:* ]]; then
    user="${userinfo%%:*}"
    password="${userinfo#*:}"
  fi

  local prefix="" masked_prefix=""
  if [ -n "$user" ]; then
    prefix="${user}@"
    masked_prefix="${user}@"
  fi
  if [ -n "$password" ]; then
    # percent-decode (%40 -> @) for PGPASSWORD
    export PGPASSWORD
    local escaped="${password//\\/\\\\}"
    PGPASSWORD="$(printf '%b' "${escaped//%/\\x}")"
    masked_prefix="${user}:***@"
  fi

  DB_URL="${scheme}://${prefix}${hostport}${path}"
  DB_URL_MASKED="${scheme}://${masked_prefix}${hostport}${path%%\?*}"
  PG_BIN="${PG_BIN_DIR:+${PG_BIN_DIR%/}/}"
}

# Fails with a clear message when the client tool is older than the server (pg_dump and
# pg_restore refuse to work with a newer server).
magnetiq_check_client_version() {
  local tool="$1" client_major server_num server_major
  if ! command -v "${PG_BIN}${tool}" >/dev/null 2>&1; then
    echo "${PG_BIN}${tool} not found: install the PostgreSQL client tools or set PG_BIN_DIR." >&2
    return 1
  fi
  client_major="$("${PG_BIN}${tool}" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')"
  command -v "${PG_BIN}psql" >/dev/null 2>&1 || return 0
  if ! server_num="$("${PG_BIN}psql" -X -A -t -q -v ON_ERROR_STOP=1 --dbname "$DB_URL" -c 'SHOW server_version_num' 2>&1)"; then
    echo "Cannot connect to ${DB_URL_MASKED} (${DB_SOURCE}): ${server_num}" >&2
    if [ -z "${DATABASE_URL:-}" ]; then
      echo "The embedded server runs only while \`npm start\` does; or set DATABASE_URL." >&2
    fi
    return 1
  fi
  server_major=$((server_num / 10000))
  if [ "$client_major" -lt "$server_major" ]; then
    echo "${tool} ${client_major} is older than the server (PostgreSQL ${server_major}) at ${DB_URL_MASKED}: install client tools >= ${server_major} and set PG_BIN_DIR (e.g. /usr/lib/postgresql/${server_major}/bin), or run the tool inside the database container (docs/operations.md)." >&2
    return 1
  fi
}
