#!/usr/bin/env bash
# The end-to-end run with 1, 2 and 4 partitions and instances per service, and with letters of 2 KB, 25 KB and
# 250 KB: how cost grows with letter size and count. Every run starts a fresh stack and measures its own ceiling.
#   ./benchmarks/run-scaling.sh [--letters-2k 4000] [--letters-25k 1000] [--letters-250k 150] [--parallelism "1 2 4"] [--sizes "2k 25k 250k"]
#                               [--warmup-max N] [--warmup-2k N] [--warmup-25k N] [--warmup-250k N]
# Each run warms up until the JIT is done (see run-end-to-end.sh), at most 20,000 letters (3,000 of 250 KB, each of
# which is ten times the work of a 25 KB one); --warmup-max sets one limit for all sizes (0: no warm-up at full speed),
# --warmup-<size> the limit for one size.
# Results: benchmarks/results/scaling-<time>.md (one row per run), copied to results/scaling-latest.md.
source "$(dirname "$0")/lib.sh"
declare -A LETTERS=([2k]=4000 [25k]=1000 [250k]=150)
declare -A WARMUP=([2k]=20000 [25k]=20000 [250k]=3000)
PARALLELISM="1 2 4"
SIZES="2k 25k 250k"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --letters-2k) LETTERS[2k]="$2"; shift 2 ;;
    --letters-25k) LETTERS[25k]="$2"; shift 2 ;;
    --letters-250k) LETTERS[250k]="$2"; shift 2 ;;
    --parallelism) PARALLELISM="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --warmup-max) WARMUP=([2k]="$2" [25k]="$2" [250k]="$2"); shift 2 ;;
    --warmup-2k) WARMUP[2k]="$2"; shift 2 ;;
    --warmup-25k) WARMUP[25k]="$2"; shift 2 ;;
    --warmup-250k) WARMUP[250k]="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
build ingest-service,extract-service,store-service,benchmarks
export SKIP_BUILD=1
SUMMARY="$ROOT/benchmarks/results/scaling-$(date +%Y%m%d-%H%M%S).md"
for p in $PARALLELISM; do
  for size in $SIZES; do
    n="${LETTERS[$size]:-500}"
    echo "==== scaling: $size × $n letters, $p partition(s) and instance(s)" >&2
    ./benchmarks/run-end-to-end.sh --letters "$n" --size "$size" --partitions "$p" --instances "$p" --warmup-max "${WARMUP[$size]:-20000}" \
      --summary "$SUMMARY" --label "scaling P=$p $size" > /dev/null || echo "run failed: $size P=$p" >&2
  done
done
cp "$SUMMARY" "$ROOT/benchmarks/results/scaling-latest.md"
cat "$SUMMARY"
