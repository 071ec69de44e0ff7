#!/bin/sh
# Compose's one-shot schema step: registers each ops/schemas/<topic>-value.json (the registration body of the
# topic's value schema, generated from the Avro classes by ops/export-contract.sh) under <topic>-value and under
# <topic>-dlt-value, which dead letters written again as Avro use. The services run with
# auto.register.schemas=false and look their schemas up, so this must run before they produce.
# Registering a schema that is already there is a no-op; an incompatible one fails (HTTP 409) and so does this step.
#
# POSIX sh and curl only (the curlimages/curl image).
set -eu

REGISTRY="${SCHEMA_REGISTRY_URL:?set SCHEMA_REGISTRY_URL}"
REGISTRY="${REGISTRY%/}"
SCHEMAS_DIR="${SCHEMAS_DIR:-$(dirname "$0")/schemas}"
CONTENT_TYPE="application/vnd.schemaregistry.v1+json"

echo "init-schemas: waiting for the schema registry at $REGISTRY"
attempt=0
until curl -fsS -o /dev/null "$REGISTRY/subjects"; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "init-schemas: the schema registry at $REGISTRY did not answer" >&2
    exit 1
  fi
  sleep 2
done

found=0
for file in "$SCHEMAS_DIR"/*-value.json; do
  [ -f "$file" ] || continue
  found=$((found + 1))
  subject="$(basename "$file" .json)"
  topic="${subject%-value}"
  for s in "$subject" "$topic-dlt-value"; do
    answer="$(curl -sS -w '\n%{http_code}' -X POST -H "Content-Type: $CONTENT_TYPE" --data-binary "@$file" \
      "$REGISTRY/subjects/$s/versions")"
    status="$(printf '%s\n' "$answer" | tail -n 1)"
    body="$(printf '%s\n' "$answer" | sed '$d')"
    if [ "$status" != 200 ]; then
      echo "init-schemas: registering $s answered $status: $body" >&2
      exit 1
    fi
    echo "init-schemas: $s -> $body"
  done
done
if [ "$found" -eq 0 ]; then
  echo "init-schemas: no schemas in $SCHEMAS_DIR" >&2
  exit 1
fi
