#!/usr/bin/env bash
# Kafka's own ProducerPerformance (kafka-tools) against the embedded broker, acks=all, records of 2 KB, 25 KB and
# 250 KB. Options: --sizes 2k,25k,250k --partitions 1 --mb 200 --ceiling-props "batch.size=1048576 linger.ms=10".
# Results: benchmarks/results/ceiling-latest.md. (run-end-to-end.sh measures the ceiling in its own run too.)
source "$(dirname "$0")/lib.sh"
build benchmarks
run_main nl.kamerstroom.bench.CeilingMain "$@"
