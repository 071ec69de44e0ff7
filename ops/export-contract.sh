#!/usr/bin/env bash
# Regenerates ops/topics.tsv and ops/schemas/*.json from the contract in module schemas (Topics and the generated
# Avro classes), for the compose init steps. With --check: changes nothing, exits 1 when they are out of date.
# Compiles module schemas first (offline when ~/.m2 has what it needs, as after any full build).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mode=write
[[ ${1:-} == --check ]] && mode=--check

offline=()
[[ -d ${HOME}/.m2/repository/org/apache/avro ]] && offline=(-o)
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw "${offline[@]}" -q -B -ntp -pl schemas compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2
java -cp "schemas/target/classes:$(cat "$cp_file")" ops/ExportContract.java "$mode" ops
