#!/bin/sh
# Registers the namespace Tradelane runs in once the frontend answers (the dev server of npm start
# makes `default` itself; a real server does not).
set -eu
namespace="${TEMPORAL_NAMESPACE:-default}"
address="${TEMPORAL_ADDRESS:-temporal:7233}"
retention="${TEMPORAL_NAMESPACE_RETENTION:-72h}"

attempt=1
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  [ "$attempt" -ge 60 ] && { echo "Temporal at $address did not become healthy" >&2; exit 1; }
  attempt=$((attempt + 1)); sleep 2
done
if temporal operator namespace describe --namespace "$namespace" --address "$address" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --namespace "$namespace" --retention "$retention" --address "$address"
  echo "namespace $namespace created"
fi
