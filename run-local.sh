#!/usr/bin/env bash
# Runs Kamerstroom locally: Kafka, a schema registry and PostgreSQL embedded, plus the three services.
#
#   ./run-local.sh                     ingest samples/ and serve until Ctrl-C
#   ./run-local.sh --once FILE...      push FILEs through the pipeline, one JSON line per file on stdout, then stop
#   ./run-local.sh --keep-data ...     keep .local-run/ from the previous run
#   ./run-local.sh --help
#
# Builds what is needed first (output on stderr). Needs only a JDK 17; the Maven wrapper fetches Maven.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION=0.1.0-SNAPSHOT
MODULES=(schemas documents service-support local-stack ingest-service extract-service store-service)
JARS=(
  "$ROOT/local-stack/target/local-stack-$VERSION-exec.jar"
  "$ROOT/ingest-service/target/ingest-service-$VERSION-exec.jar"
  "$ROOT/extract-service/target/extract-service-$VERSION-exec.jar"
  "$ROOT/store-service/target/store-service-$VERSION-exec.jar"
)

# File arguments become absolute paths, so they mean the same whatever directory the launcher works in.
args=()
files_only=false
for arg in "$@"; do
  if [[ $files_only == true || ( $arg != -* && -n $arg ) ]]; then
    case "$arg" in
      /*) ;;
      *) arg="$PWD/${arg#./}" ;;
    esac
  elif [[ $arg == -- ]]; then
    files_only=true
  fi
  args+=("$arg")
done

if [[ -n ${JAVA_HOME:-} && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA=java
else
  echo "run-local: no java found; install a JDK 17 or set JAVA_HOME" >&2
  exit 1
fi

needs_build() {
  local jar
  for jar in "${JARS[@]}"; do
    [[ -f $jar ]] || { echo "run-local: ${jar#"$ROOT"/} is missing" >&2; return 0; }
  done
  local oldest="${JARS[0]}"
  for jar in "${JARS[@]}"; do
    [[ $jar -ot $oldest ]] && oldest=$jar
  done
  local sources=("$ROOT/pom.xml")
  local module
  for module in "${MODULES[@]}"; do
    sources+=("$ROOT/$module/pom.xml")
    [[ -d "$ROOT/$module/src" ]] && sources+=("$ROOT/$module/src")
  done
  local newer
  newer="$(find "${sources[@]}" -newer "$oldest" -print -quit 2>/dev/null || true)"
  if [[ -n $newer ]]; then
    echo "run-local: ${newer#"$ROOT"/} changed since the last build" >&2
    return 0
  fi
  return 1
}

if needs_build; then
  echo "run-local: building (./mvnw -q -DskipTests install) ..." >&2
  if ! (cd "$ROOT" && ./mvnw -q -DskipTests install) >&2; then
    echo "run-local: the build failed" >&2
    exit 1
  fi
  # the build succeeded, so the jars are current even where Maven found nothing to rewrite
  touch "${JARS[@]}"
fi

exec "$JAVA" \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.kamerstroom.avro \
  -Dkamerstroom.home="$ROOT" \
  -jar "${JARS[0]}" \
  ${args[@]+"${args[@]}"}
