#!/usr/bin/env bash
# The extraction engine alone under JMH, one thread: letters/s, MB/s and allocation per letter for the real letters
# and synthetic ones of 2 KB, 25 KB and 250 KB. Options: see ExtractionMain (--corpus, --warmup, --iterations,
# --time, --forks, --prof jfr). Results: benchmarks/results/extraction-latest.md (+ JMH JSON).
source "$(dirname "$0")/lib.sh"
build extract-service,benchmarks
run_main nl.kamerstroom.bench.ExtractionMain "$@"
