'use strict';
// Unit tests of the parts that need no broker: `npm test` (node's built-in test runner).
const test = require('node:test');
const assert = require('node:assert');
const avro = require('avsc');
const { parseArgs, toLine, DateType, TimestampMillisType, ENTITY_TOPICS } = require('../consumer');

test('defaults read the environment the services read', () => {
  const options = parseArgs([], { KAFKA_BOOTSTRAP_SERVERS: 'a:1,b:2', SCHEMA_REGISTRY_URL: 'http://r:8081' });
  assert.deepStrictEqual(options.brokers, ['a:1', 'b:2']);
  assert.strictEqual(options.registry, 'http://r:8081');
  assert.deepStrictEqual(options.topics, ENTITY_TOPICS);
  assert.strictEqual(options.fromBeginning, false);
});

test('options override the defaults, with or without =', () => {
  const options = parseArgs(['--brokers=x:9', '--group', 'g', '--from-beginning', '--idle-exit-ms', '500', '--max-records=3'], {});
  assert.deepStrictEqual(options.brokers, ['x:9']);
  assert.strictEqual(options.group, 'g');
  assert.strictEqual(options.fromBeginning, true);
  assert.strictEqual(options.idleExitMs, 500);
  assert.strictEqual(options.maxRecords, 3);
});

test('bad options are refused', () => {
  assert.throws(() => parseArgs(['--idle-exit-ms', 'soon'], {}), /positive integer/);
  assert.throws(() => parseArgs(['--group'], {}), /needs a value/);
  assert.throws(() => parseArgs(['--bogus'], {}), /unknown option/);
});

test('a Confluent wire-format record decodes to JSON with ISO dates; an empty value is a tombstone', async () => {
  const schema = {
    type: 'record', name: 'Mission', namespace: 'nl.kamerstroom.avro', fields: [
      { name: 'name', type: 'string' },
      { name: 'start', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
      { name: 'seenAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ],
  };
  const type = avro.Type.forSchema(schema, { logicalTypes: { date: DateType, 'timestamp-millis': TimestampMillisType } });
  const payload = type.toBuffer({ name: 'NMI', start: '2025-01-01', seenAt: '2025-01-02T03:04:05.000Z' });
  const header = Buffer.alloc(5);
  header.writeInt32BE(42, 1);
  const registry = { decode: async (buffer) => type.fromBuffer(buffer.subarray(5)) };

  const line = await toLine(registry, 'entities.missions', 1, { key: Buffer.from('e1'), value: Buffer.concat([header, payload]), offset: '7' });
  assert.deepStrictEqual(JSON.parse(JSON.stringify(line)), {
    topic: 'entities.missions', partition: 1, offset: '7', key: 'e1', schemaId: 42,
    value: { name: 'NMI', start: '2025-01-01', seenAt: '2025-01-02T03:04:05.000Z' },
  });
  assert.deepStrictEqual(await toLine(registry, 'entities.budgets', 0, { key: Buffer.from('e2'), value: null, offset: '8' }),
    { topic: 'entities.budgets', partition: 0, offset: '8', key: 'e2', tombstone: true });
  await assert.rejects(toLine(registry, 'entities.budgets', 0, { key: null, value: Buffer.from('{"json":1}'), offset: '9' }), /wire format/);
});
