#!/usr/bin/env node
'use strict';
/*
 * A downstream consumer of Kamerstroom that is not ours: plain JavaScript on kafkajs and
 * @kafkajs/confluent-schema-registry. It subscribes to the entity topics and prints every mission, budget and motie
 * it reads as one JSON line on stdout, decoded through the schema registry from the Confluent wire format
 * (magic byte 0, 4-byte schema id, Avro binary), from LZ4-compressed batches:
 *
 *   {"topic":"entities.missions","partition":0,"offset":"3","key":"<entityId>","schemaId":2,"value":{...}}
 *   {"topic":"entities.budgets","partition":1,"offset":"7","key":"<entityId>","tombstone":true}
 *
 * Everything else (progress, warnings, errors) goes to stderr. Run `node consumer.js --help` for the options.
 */

const { Kafka, logLevel, CompressionTypes, CompressionCodecs } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const avro = require('avsc');
const lz4 = require('lz4js');

// Kamerstroom's producers compress with LZ4 (the Kafka LZ4 frame format); kafkajs has only GZIP built in.
// lz4js is pure JavaScript, so nothing is compiled at install time.
CompressionCodecs[CompressionTypes.LZ4] = () => ({
  compress: async (encoder) => Buffer.from(lz4.compress(encoder.buffer)),
  decompress: async (buffer) => Buffer.from(lz4.decompress(buffer)),
});

const ENTITY_TOPICS = ['entities.missions', 'entities.budgets', 'entities.moties'];

const USAGE = `Usage: node consumer.js [options]

Prints each record of Kamerstroom's entity topics as one JSON line on stdout.

Options:
  --brokers LIST        Kafka bootstrap servers, comma-separated
                        (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092)
  --registry URL        schema registry base URL, Confluent API
                        (default: $SCHEMA_REGISTRY_URL or http://localhost:8085/apis/ccompat/v7)
  --group ID            consumer group id (default: kamerstroom-node-consumer)
  --topics LIST         topics to read, comma-separated (default: ${ENTITY_TOPICS.join(',')})
  --from-beginning      a new group starts at the oldest record instead of the newest
  --idle-exit-ms MS     exit 0 once no record arrived for MS milliseconds after joining the group
  --max-records N       exit 0 after printing N records
  --help                show this text

Exit status: 0 on a requested exit or SIGINT/SIGTERM, 1 when a record cannot be decoded or Kafka fails,
2 on bad options.`;

/** Parses argv (without node and the script) into options; throws an Error with a message on bad input. */
function parseArgs(argv, env = process.env) {
  const options = {
    brokers: (env.KAFKA_BOOTSTRAP_SERVERS || 'localhost:9092').split(',').map((s) => s.trim()).filter(Boolean),
    registry: env.SCHEMA_REGISTRY_URL || 'http://localhost:8085/apis/ccompat/v7',
    group: 'kamerstroom-node-consumer',
    topics: ENTITY_TOPICS,
    fromBeginning: false,
    idleExitMs: null,
    maxRecords: null,
    help: false,
  };
  const value = (i, name) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
      throw new Error(`${name} needs a value`);
    }
    return argv[i + 1];
  };
  const positive = (text, name) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) {
      throw new Error(`${name} must be a positive integer, not ${text}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      argv = [...argv.slice(0, i), arg.slice(0, eq), arg.slice(eq + 1), ...argv.slice(i + 1)];
      arg = argv[i];
    }
    switch (arg) {
      case '--brokers': options.brokers = value(i, arg).split(',').map((s) => s.trim()).filter(Boolean); i++; break;
      case '--registry': options.registry = value(i, arg); i++; break;
      case '--group': options.group = value(i, arg); i++; break;
      case '--topics': options.topics = value(i, arg).split(',').map((s) => s.trim()).filter(Boolean); i++; break;
      case '--from-beginning': options.fromBeginning = true; break;
      case '--idle-exit-ms': options.idleExitMs = positive(value(i, arg), arg); i++; break;
      case '--max-records': options.maxRecords = positive(value(i, arg), arg); i++; break;
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  if (options.brokers.length === 0) throw new Error('--brokers is empty');
  if (options.topics.length === 0) throw new Error('--topics is empty');
  return options;
}

/** Avro `date` (days since 1970-01-01) as an ISO-8601 date string, as Kamerstroom's JSON APIs print it. */
class DateType extends avro.types.LogicalType {
  _fromValue(days) {
    return new Date(days * 86400000).toISOString().slice(0, 10);
  }
  _toValue(value) {
    return Math.round(Date.parse(`${value}T00:00:00Z`) / 86400000);
  }
  _resolve(type) {
    return avro.Type.isType(type, 'int', 'logical:date') ? this._fromValue : undefined;
  }
}

/** Avro `timestamp-millis` as an ISO-8601 instant string. */
class TimestampMillisType extends avro.types.LogicalType {
  _fromValue(millis) {
    return new Date(millis).toISOString();
  }
  _toValue(value) {
    return typeof value === 'string' ? Date.parse(value) : value;
  }
  _resolve(type) {
    return avro.Type.isType(type, 'long', 'logical:timestamp-millis') ? this._fromValue : undefined;
  }
}

/** One output line for a record: the decoded value, or a tombstone. */
async function toLine(registry, topic, partition, message) {
  const key = message.key === null ? null : message.key.toString('utf8');
  const base = { topic, partition, offset: message.offset, key };
  if (message.value === null || message.value.length === 0) {
    return { ...base, tombstone: true };
  }
  if (message.value.length < 5 || message.value[0] !== 0) {
    throw new Error(`not in the Confluent wire format (magic byte ${message.value[0]})`);
  }
  const schemaId = message.value.readInt32BE(1);
  const value = await registry.decode(message.value);
  return { ...base, schemaId, value };
}

/** stderr logging for kafkajs, which would otherwise write informational lines to stdout. */
function stderrLogCreator() {
  return ({ namespace, level, label, log }) => {
    const { message, ...extra } = log;
    process.stderr.write(`${new Date().toISOString()} ${label} [${namespace}] ${message} ${JSON.stringify(extra)}\n`);
  };
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`node-consumer: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const kafka = new Kafka({
    clientId: 'kamerstroom-node-consumer',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: stderrLogCreator,
  });
  const registry = new SchemaRegistry(
    { host: options.registry.replace(/\/+$/, ''), clientId: 'kamerstroom-node-consumer' },
    { [SchemaType.AVRO]: { logicalTypes: { date: DateType, 'timestamp-millis': TimestampMillisType } } },
  );
  // read_committed (kafkajs' default): extract-service publishes in Kafka transactions
  const consumer = kafka.consumer({ groupId: options.group, readUncommitted: false });

  let printed = 0;
  let idleTimer = null;
  let stopping = null;
  const shutdown = (code, why) => {
    if (stopping) return stopping;
    if (idleTimer) clearTimeout(idleTimer);
    process.stderr.write(`node-consumer: stopping (${why}) after ${printed} records\n`);
    stopping = consumer.disconnect()
      .catch((e) => process.stderr.write(`node-consumer: disconnect failed: ${e.message}\n`))
      .then(() => process.exit(code));
    return stopping;
  };
  const armIdleTimer = () => {
    if (options.idleExitMs === null || stopping) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => shutdown(0, `idle for ${options.idleExitMs} ms`), options.idleExitMs);
  };

  process.on('SIGINT', () => shutdown(0, 'SIGINT'));
  process.on('SIGTERM', () => shutdown(0, 'SIGTERM'));
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    process.stderr.write(`node-consumer: joined group ${options.group}: ${JSON.stringify(event.payload.memberAssignment)}\n`);
    armIdleTimer();
  });
  consumer.on(consumer.events.CRASH, (event) => {
    if (!event.payload.restart) shutdown(1, `consumer crashed: ${event.payload.error && event.payload.error.message}`);
  });

  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (stopping) {
        // do not let the offset be committed: the record was not printed
        throw new Error('stopping');
      }
      let line;
      try {
        line = await toLine(registry, topic, partition, message);
      } catch (e) {
        process.stderr.write(`node-consumer: cannot decode ${topic}-${partition}@${message.offset}: ${e.message}\n`);
        shutdown(1, 'undecodable record');
        throw e;
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
      printed++;
      if (options.maxRecords !== null && printed >= options.maxRecords) {
        shutdown(0, `${printed} records printed`);
        return;
      }
      armIdleTimer();
    },
  });
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`node-consumer: ${e.stack || e.message}\n`);
    process.exit(1);
  });
}

module.exports = { parseArgs, toLine, DateType, TimestampMillisType, ENTITY_TOPICS };
