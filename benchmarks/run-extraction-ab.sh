#!/usr/bin/env bash
# A/B of the extraction engine: the extractor as committed at <git ref> (A) against the working tree's (B), in several
# JVMs per side (the JIT settles differently from one JVM to the next, so one JVM per side can mislead by 40 %).
# Usage: run-extraction-ab.sh <git ref> [--jvms 6] [--corpus real,2k,25k] [--cpu-time 3] [--iterations 3]
# Results: benchmarks/results/extraction-ab-latest.md. Check that the change changed no result with ExtractionDump.
source "$(dirname "$0")/lib.sh"
if [[ $# -lt 1 || "$1" == --* ]]; then
  echo "usage: $0 <git ref> [--jvms 6] [--corpus real,2k,25k] [--cpu-time 3] [--iterations 3]" >&2
  exit 2
fi
ref="$1"
shift
build extract-service,benchmarks
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
extraction=extract-service/src/main/java/nl/kamerstroom/extract/extraction
resources=extract-service/src/main/resources/extraction
# the extraction package is plain Java: compile each side's sources on their own, resources beside them
mkdir -p "$work/a-src" "$work/b-src"
git archive "$ref" "$extraction" "$resources" | tar -x -C "$work/a-src"
cp -r --parents "$extraction" "$resources" "$work/b-src"
for side in a b; do
  mkdir -p "$work/$side"
  javac -nowarn -encoding UTF-8 --release 17 -d "$work/$side" $(find "$work/$side-src/$extraction" -name '*.java')
  cp -r "$work/$side-src/$resources" "$work/$side/"
done
# not run_main: its exec would skip the trap that removes the work directory
java ${BENCH_JAVA_OPTS:-} -Dkamerstroom.home="$ROOT" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  nl.kamerstroom.bench.ExtractionAbMain --a "$work/a" --a-name "$ref" --b "$work/b" --b-name "working tree" "$@"
