#!/bin/sh
# The site container's command: nginx in the foreground, reloaded when the site-builder service
# points /srv/site/current at a new build, so the redirects map of that build (read at load) is in
# force. Files are served from the symlink at once; only the map and root.conf need the reload.
set -eu
CURRENT=${SITE_CURRENT:-/srv/site/current}
nginx -g 'daemon off;' &
NGINX_PID=$!
trap 'kill -TERM "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID"; exit 0' TERM INT QUIT
last=$(readlink "$CURRENT" 2>/dev/null || true)
while kill -0 "$NGINX_PID" 2>/dev/null; do
  sleep "${SITE_RELOAD_INTERVAL:-2}" &
  wait $! || true
  now=$(readlink "$CURRENT" 2>/dev/null || true)
  if [ "$now" != "$last" ]; then
    if nginx -t -q; then
      nginx -s reload && echo "[site] now serving $now"
    else
      echo "[site] the configuration with $now does not load: still serving the previous one" >&2
    fi
    last=$now
  fi
done
wait "$NGINX_PID"
