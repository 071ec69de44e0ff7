# Shared by the run-*.sh scripts: build what a benchmark needs, then run a main class of this module.
# SKIP_BUILD=1 skips the build (the jars and benchmarks/target/classpath.txt must exist).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# build <modules>: package the given modules (and what they need) without running tests
build() {
  if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
    return
  fi
  echo "building $1 (tests skipped; SKIP_BUILD=1 to skip) ..." >&2
  ./mvnw -q ${MVN_OFFLINE--o} -pl "$1" -DskipTests package >&2
}

# run_main <class> <args...>
run_main() {
  local cls="$1"
  shift
  local cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
  exec java ${BENCH_JAVA_OPTS:-} -Dkamerstroom.home="$ROOT" -Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.kamerstroom.avro \
    -cp "$cp" "$cls" "$@"
}
