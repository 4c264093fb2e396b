#!/bin/sh
# PostgreSQL's image runs this once, on an empty data folder: Tradelane's own role and database
# beside Temporal's (temporal-sql-tool makes temporal and temporal_visibility itself).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="$TRADELANE_DB_PASSWORD" <<'SQL'
CREATE ROLE tradelane LOGIN PASSWORD :'password';
CREATE DATABASE tradelane OWNER tradelane;
SQL
