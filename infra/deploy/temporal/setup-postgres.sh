#!/bin/sh
# Temporal's persistence and visibility databases and their schemas, as Temporal's compose samples
# make them (temporalio/samples-server, compose/scripts/setup-postgres.sh): create, set up at 0.0,
# then update to the versioned schema the admin-tools image ships. Safe to run again.
set -eu
: "${POSTGRES_SEEDS:?must name the PostgreSQL host}"
: "${POSTGRES_USER:?must name the PostgreSQL user}"
port="${DB_PORT:-5432}"
schemas=/etc/temporal/schema/postgresql/v12

until nc -z -w 5 "$POSTGRES_SEEDS" "$port"; do echo "waiting for PostgreSQL at $POSTGRES_SEEDS:$port"; sleep 2; done

for db in temporal temporal_visibility; do
  case "$db" in temporal) dir="$schemas/temporal/versioned" ;; *) dir="$schemas/visibility/versioned" ;; esac
  tool="temporal-sql-tool --plugin postgres12 --ep $POSTGRES_SEEDS -u $POSTGRES_USER -p $port --db $db"
  $tool create || true # exists already on a second run
  $tool setup-schema -v 0.0
  $tool update-schema -d "$dir"
done
echo 'Temporal schemas are set up'
