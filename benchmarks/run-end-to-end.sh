#!/usr/bin/env bash
# End to end on the embedded local stack: ingest → extract → store, N unique letters over HTTP, at full speed or at
# a fixed rate, against Kafka's own producer ceiling measured in the same run on the same broker.
#   ./benchmarks/run-end-to-end.sh [--letters 1000] [--rate 0|R] [--size 25k] [--partitions 1] [--instances P] [--concurrency 1]
#                                  [--window 64] [--warmup-max 20000] [--warmup-chunk 400] [--no-ceiling] [--summary FILE] [--label TEXT]
# Each service JVM gets KAMERSTROOM_SERVICE_JAVA_OPTS (default: a 512 MB heap).
# Results: benchmarks/results/end-to-end-latest.md, a row in results/end-to-end-summary.md, service logs in results/logs-*/.
source "$(dirname "$0")/lib.sh"
build ingest-service,extract-service,store-service,benchmarks
export KAMERSTROOM_SERVICE_JAVA_OPTS="${KAMERSTROOM_SERVICE_JAVA_OPTS:--Xms512m -Xmx512m -XX:+ExitOnOutOfMemoryError}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}" run_main nl.kamerstroom.bench.EndToEndMain "$@"
