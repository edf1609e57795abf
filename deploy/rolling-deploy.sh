#!/usr/bin/env bash
# Zero-downtime release of both apps on one host: build once, migrate once, then restart
# the instances one at a time, each only after the previous one is ready again; a failed
# readiness check stops the roll-out and rolls back to the previous release.
#
#   deploy/rolling-deploy.sh [--release DIR] [--no-build] [--no-migrate]
#
# --release DIR: a checkout of the new release (dependencies installed); it is built and
# migrated from there, then $RELEASES/current points at it before the first restart, and
# back at the previous release if the roll-out stops. Without it: build and restart in place.
#
# Environment (defaults for the systemd units in deploy/systemd):
#   INSTANCES   "customer:3010 customer:3011 admin:3020 admin:3021"
#   RESTART     command for one instance, {app} and {port} filled in
#               (default: systemctl restart hibachi-{app}@{port})
#   RELEASES    where the `current` symlink lives (default: /opt/hibachi)
#   READY_TIMEOUT  seconds an instance may take to be ready (default 90)
#   NGINX_RENDER   the render-config.mjs command line for this host (without --down); when
#               set, each instance is marked down in nginx and nginx reloaded before its
#               restart, and put back after it is ready: nginx OSS has no active health
#               checks, and a connection still in the listen backlog when an instance stops
#               listening is reset (a POST on it would fail)
#   NGINX_CONF     where the rendered configuration goes (default /etc/nginx/conf.d/hibachi.conf)
#   NGINX_RELOAD   how to reload nginx (default: nginx -s reload)
#
# `pnpm test:deploy` runs this script, with its own RESTART, against real nginx.
set -euo pipefail

INSTANCES=${INSTANCES:-"customer:3010 customer:3011 admin:3020 admin:3021"}
RESTART=${RESTART:-"systemctl restart hibachi-{app}@{port}"}
RELEASES=${RELEASES-/opt/hibachi}
READY_TIMEOUT=${READY_TIMEOUT:-90}
NGINX_RENDER=${NGINX_RENDER:-}
NGINX_CONF=${NGINX_CONF:-/etc/nginx/conf.d/hibachi.conf}
NGINX_RELOAD=${NGINX_RELOAD:-nginx -s reload}
BUILD=1
MIGRATE=1
RELEASE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --release) RELEASE=$(readlink -f "$2"); shift ;;
    --no-build) BUILD=0 ;;
    --no-migrate) MIGRATE=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# nginx with the instance on `port` out of rotation (or none: everything back in).
rotate() {
  [ -n "$NGINX_RENDER" ] || return 0
  local extra=""
  if [ -n "${1:-}" ]; then extra="--down $1"; fi
  bash -c "$NGINX_RENDER $extra" > "$NGINX_CONF.next"
  mv "$NGINX_CONF.next" "$NGINX_CONF"
  bash -c "$NGINX_RELOAD"
}

restart() {
  local app=$1 port=$2 command=${RESTART//\{app\}/$1}
  command=${command//\{port\}/$2}
  log "restarting $app on $port: $command"
  bash -c "$command"
}

wait_ready() {
  local port=$1 deadline=$((SECONDS + READY_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health/ready")" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then return 1; fi
    sleep 0.5
  done
}

previous=""
if [ -n "$RELEASE" ]; then
  cd "$RELEASE"
  if [ -L "$RELEASES/current" ]; then previous=$(readlink -f "$RELEASES/current"); fi
fi

if [ "$BUILD" = 1 ]; then
  log "building once for every instance"
  pnpm build
fi
if [ "$MIGRATE" = 1 ]; then
  # Migrations are expand-only while old instances still run (docs/deploy.md); the applier
  # takes an advisory lock, so a second deploy racing this one waits.
  log "migrating once"
  pnpm db:migrate
fi
if [ -n "$RELEASE" ]; then
  log "switching $RELEASES/current to $RELEASE"
  ln -sfn "$RELEASE" "$RELEASES/current"
fi

done_instances=()
for instance in $INSTANCES; do
  app=${instance%%:*}
  port=${instance##*:}
  rotate "$port"
  restart "$app" "$port"
  if ! wait_ready "$port"; then
    rotate
    log "$app on $port is not ready after ${READY_TIMEOUT}s: stopping the roll-out"
    if [ -n "$previous" ]; then
      log "rolling back to $previous"
      ln -sfn "$previous" "$RELEASES/current"
      for back in "${done_instances[@]}" "$instance"; do
        restart "${back%%:*}" "${back##*:}"
        wait_ready "${back##*:}" || log "${back} is not ready after the rollback either"
      done
    fi
    exit 1
  fi
  rotate
  log "$app on $port is ready"
  done_instances+=("$instance")
done
log "all instances restarted"
