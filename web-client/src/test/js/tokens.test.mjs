// The page's token fetching, against a stubbed fetch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handshakeAuth, tokenSource } from '../../main/web/js/tokens.js';

function stubFetch(status, answer, calls) {
  globalThis.fetch = async (path, init) => {
    calls.push({ path, body: JSON.parse(init.body) });
    return { ok: status === 200, status, json: async () => answer };
  };
}

test('no tokenPath means no tokens and no handshake auth', () => {
  assert.equal(tokenSource(undefined), null);
  assert.equal(handshakeAuth(null), undefined);
});

test('a token is fetched for the rooms asked', async () => {
  const calls = [];
  stubFetch(200, { token: 't1' }, calls);
  const tokens = tokenSource('/dev/token');
  assert.equal(await tokens(['a']), 't1');
  assert.deepEqual(calls, [{ path: '/dev/token', body: { rooms: ['a'] } }]);
});

test('a refusal becomes an error naming the status and the reason', async () => {
  stubFetch(400, { error: 'bad rooms' }, []);
  await assert.rejects(tokenSource('/dev/token')(['x']), /400: bad rooms/);
});

test('the handshake sends a token granting the rooms joined so far, or nothing when none can be had', async () => {
  const calls = [];
  stubFetch(200, { token: 't2' }, calls);
  let joined = [];
  const auth = handshakeAuth(tokenSource('/dev/token'), () => joined);
  assert.deepEqual(await new Promise((resolve) => auth(resolve)), { token: 't2' });
  assert.deepEqual(calls[0].body, { rooms: [] });
  joined = ['3f0c0b8e-9a51-4a4e-8d2b-6d1f0e7b9c11'];
  await new Promise((resolve) => auth(resolve));
  assert.deepEqual(calls[1].body, { rooms: joined }, 'a reconnect keeps its rooms granted (recovery)');
  stubFetch(500, null, []);
  const none = await new Promise((resolve) => handshakeAuth(tokenSource('/dev/token'), () => [])(resolve));
  assert.deepEqual(none, {});
});
