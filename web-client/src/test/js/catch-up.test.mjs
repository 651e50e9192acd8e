import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CatchUp } from '../../main/web/js/catch-up.js';

const line = () => ({ textContent: '', dataset: {}, hidden: true });

test('rooms rejoin from their own last position; rooms without one ask for a snapshot', () => {
  const catchUp = new CatchUp(line());
  catchUp.seen('a', '8200000001');
  catchUp.seen('b', '8200000001');
  catchUp.seen('c', '8200000002');
  catchUp.seen('a', '8200000003');
  catchUp.seen('d', undefined);
  assert.deepEqual(catchUp.requests(['a', 'b', 'c', 'd']), [
    { rooms: ['a'], since: '8200000003' },
    { rooms: ['b'], since: '8200000001' },
    { rooms: ['c'], since: '8200000002' },
    { rooms: ['d'], snapshot: true },
  ]);
  catchUp.forget('a');
  assert.deepEqual(catchUp.requests(['a']), [{ rooms: ['a'], snapshot: true }]);
});

test('the page says how many changes were replayed, or which rooms had to resync', () => {
  const shown = line();
  const catchUp = new CatchUp(shown);
  const resync = catchUp.rejoined([
    { ok: true, results: [{ uuid: 'a', status: 'joined', recovered: true, replayed: 3 }] },
    { ok: true, results: [{ uuid: 'b', status: 'joined', recovered: true, replayed: 2 }] },
  ]);
  assert.deepEqual(resync, []);
  assert.equal(shown.dataset.outcome, 'caught-up');
  assert.match(shown.textContent, /caught up, 5 missed change/);
  assert.equal(shown.hidden, false);

  assert.deepEqual(catchUp.rejoined([{ ok: true, results: [{ uuid: 'c', status: 'joined', resync: true }] }]), ['c']);
  assert.equal(shown.dataset.outcome, 'resync');

  catchUp.recovered();
  assert.equal(shown.dataset.outcome, 'recovered');
});

test('a rejoin that got no answer counts nothing and does not throw', () => {
  const shown = line();
  assert.deepEqual(new CatchUp(shown).rejoined([null, { ok: false }]), []);
  assert.match(shown.textContent, /0 missed change/);
});
