// Unit tests of the page's pure logic, run by `node --test` in the Maven test phase.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SOCKET_PORT, resolveSocketUrl } from '../../main/web/js/socket-url.js';

const page = { protocol: 'https:', hostname: 'rooms.example', origin: 'https://rooms.example:8443' };

test('an empty socketUrl means the page host on the socket server port', () => {
  assert.equal(resolveSocketUrl('', page), `https://rooms.example:${DEFAULT_SOCKET_PORT}`);
  assert.equal(resolveSocketUrl(undefined, page), 'https://rooms.example:8083');
});

test('a slash means the page origin, for the nginx front', () => {
  assert.equal(resolveSocketUrl('/', page), 'https://rooms.example:8443');
});

test('an absolute URL is used as it is', () => {
  assert.equal(resolveSocketUrl('http://10.0.0.5:9000', page), 'http://10.0.0.5:9000');
});
