#!/usr/bin/env bash
# Compose's one-shot topic step: creates every topic of ops/topics.tsv (generated from nl.kamerstroom.schemas.Topics:
# compaction for letters.* and entities.*, 32 MiB records on letters.received and its dead-letter topic) with
# KAMERSTROOM_TOPIC_PARTITIONS partitions, each dead-letter topic <topic>-dlt with as many partitions as its topic.
# Topics that exist keep their partitions but get the configuration of the file. Idempotent: safe on every start.
#
# Runs in the apache/kafka image (bash, /opt/kafka/bin); KAFKA_TOOLS=/usr/bin with cp-kafka (kafka-topics, no .sh).
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
PARTITIONS="${KAMERSTROOM_TOPIC_PARTITIONS:-3}"
REPLICAS="${KAMERSTROOM_TOPIC_REPLICAS:-1}"
TOPICS_FILE="${TOPICS_FILE:-$(dirname "$0")/topics.tsv}"
TOOLS="${KAFKA_TOOLS:-/opt/kafka/bin}"
tool() {
  if [[ -x "$TOOLS/$1.sh" ]]; then "$TOOLS/$1.sh" "${@:2}"; else "$TOOLS/$1" "${@:2}"; fi
}

echo "init-topics: waiting for Kafka at $BOOTSTRAP"
for attempt in $(seq 1 60); do
  if tool kafka-topics --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; then
    break
  fi
  if [[ $attempt == 60 ]]; then
    echo "init-topics: Kafka at $BOOTSTRAP did not answer" >&2
    exit 1
  fi
  sleep 2
done

existing="$(tool kafka-topics --bootstrap-server "$BOOTSTRAP" --list)"
partitions_of() {
  tool kafka-topics --bootstrap-server "$BOOTSTRAP" --describe --topic "$1" \
    | sed -n 's/.*PartitionCount:[[:space:]]*\([0-9][0-9]*\).*/\1/p' | head -n 1
}

while IFS=$'\t' read -r topic config; do
  [[ -z $topic || $topic == \#* ]] && continue
  config_args=()
  if [[ -n $config && $config != - ]]; then
    IFS=',' read -r -a entries <<<"$config"
    for entry in "${entries[@]}"; do config_args+=(--config "$entry"); done
  fi
  if grep -qxF "$topic" <<<"$existing"; then
    if [[ -n $config && $config != - ]]; then
      tool kafka-configs --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$topic" \
        --add-config "$config" >/dev/null
    fi
    echo "init-topics: $topic exists ($(partitions_of "$topic") partitions); configuration ${config:--} applied"
  else
    # a dead-letter topic gets the partitions of its topic, wherever that topic came from
    count="$PARTITIONS"
    if [[ $topic == *-dlt ]] && grep -qxF "${topic%-dlt}" <<<"$existing"; then
      count="$(partitions_of "${topic%-dlt}")"
    fi
    tool kafka-topics --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
      --partitions "$count" --replication-factor "$REPLICAS" ${config_args[@]+"${config_args[@]}"} >/dev/null
    existing+=$'\n'"$topic"
    echo "init-topics: created $topic ($count partitions, ${config:--})"
  fi
done <"$TOPICS_FILE"

# a dead letter keeps its record's partition: every dead-letter topic must have as many partitions as its topic
failed=0
while IFS=$'\t' read -r topic _; do
  [[ -z $topic || $topic == \#* || $topic == *-dlt ]] && continue
  main="$(partitions_of "$topic")"
  dlt="$(partitions_of "$topic-dlt")"
  if [[ $main != "$dlt" ]]; then
    echo "init-topics: $topic has $main partitions but $topic-dlt has $dlt; they must be equal" >&2
    failed=1
  fi
done <"$TOPICS_FILE"
exit "$failed"
