#!/bin/sh
# Starts one Tradelane process: the role is the first argument, else TRADELANE_ROLE.
#   buyer | distributor | supplier | carrier | payment-gateway   a party's service (HTTP API and its Temporal worker)
#   console                                                      the web console's server
#   migrate [--seed]                                             every party's migrations (and the demo data), then exit
#   dev-secrets DIR                                              development keys and secrets in DIR, unless there (compose only)
set -eu

app="${TRADELANE_APP_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"

# Secrets mounted as files. The services read IDENTITY_PUBLIC_KEYS_FILE and IDENTITY_SIGNING_KEY_FILE
# themselves; these three they read from the environment only, so the file is read here.
from_file() {
  eval "value=\${$1:-}; file=\${$1_FILE:-}"
  if [ -z "$value" ] && [ -n "$file" ]; then
    if [ ! -r "$file" ]; then
      printf 'Invalid environment:\n  %s_FILE: cannot read %s\n' "$1" "$file" >&2
      exit 1
    fi
    export "$1=$(cat "$file")"
  fi
  unset "$1_FILE"
}
from_file DATABASE_URL         # DATABASE_URL_FILE
from_file TRANSFER_NOTICE_SECRET  # TRANSFER_NOTICE_SECRET_FILE
from_file TRANSFER_NOTICE_API_KEY # TRANSFER_NOTICE_API_KEY_FILE

role="${TRADELANE_ROLE:-}"
case "${1:-}" in
  -*|"") ;;
  *) role="$1"; shift ;;
esac

case "$role" in
  buyer|distributor|supplier|carrier|payment-gateway) entry="dist/apps/$role/src/main.js" ;;
  console) entry="dist/apps/console/server/main.js" ;;
  migrate) entry="dist/infra/stack/prepare-database.js" ;;
  dev-secrets) exec node "$app/infra/deploy/dev-secrets.mjs" "$@" ;;
  *)
    echo "tradelane: say which process to run (argument or TRADELANE_ROLE): buyer, distributor, supplier, carrier, payment-gateway, console, migrate [--seed], dev-secrets DIR" >&2
    exit 64
    ;;
esac

# The compiled code imports @tradelane/* through tsconfig paths, resolved against dist/.
export TS_NODE_BASEURL="${TS_NODE_BASEURL:-$app/dist}"
export TS_NODE_PROJECT="${TS_NODE_PROJECT:-$app/tsconfig.json}"
cd "$app"
exec node -r tsconfig-paths/register "$entry" "$@"
