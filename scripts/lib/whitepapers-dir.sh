# shellcheck shell=bash
# The private folder of gated whitepaper PDFs, as the CMS resolves it (plugins/whitepapers,
# utils filesDir): WHITEPAPERS_DIR if set (the scripts' own name), else WHITEPAPERS_FILES_DIR
# (the CMS's setting; a relative path is relative to cms/), else cms/private/whitepapers.
# Sourced by backup.sh and restore.sh after ROOT is set.
if [ -z "${WHITEPAPERS_DIR:-}" ]; then
  if [ -n "${WHITEPAPERS_FILES_DIR:-}" ]; then
    case "$WHITEPAPERS_FILES_DIR" in
      /*) WHITEPAPERS_DIR="$WHITEPAPERS_FILES_DIR" ;;
      *) WHITEPAPERS_DIR="$ROOT/cms/$WHITEPAPERS_FILES_DIR" ;;
    esac
  else
    WHITEPAPERS_DIR="$ROOT/cms/private/whitepapers"
  fi
fi
