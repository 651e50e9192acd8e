import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clock, isUuid, newUuid, pretty } from '../../main/web/js/dom.js';

test('new UUIDs are canonical version 4 UUIDs, with or without crypto.randomUUID', () => {
  assert.ok(isUuid(newUuid()));
  const randomUUID = crypto.randomUUID;
  try {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const made = newUuid();
    assert.match(made, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
  }
});

test('isUuid accepts the canonical form only', () => {
  assert.ok(isUuid('3F0C0B8E-9A51-4A4E-8D2B-6D1F0E7B9C11'));
  assert.ok(!isUuid('3f0c0b8e9a514a4e8d2b6d1f0e7b9c11'));
  assert.ok(!isUuid('1-2-3-4-5'));
});

test('pretty prints JSON and never throws', () => {
  assert.equal(pretty({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
  assert.equal(pretty(undefined), '');
  const loop = {};
  loop.self = loop;
  assert.equal(pretty(loop), '[object Object]');
});

test('clock shows local time with milliseconds', () => {
  assert.equal(clock(new Date(2026, 0, 2, 3, 4, 5, 6)), '03:04:05.006');
});
