// The deals' messages word a unit and a moment for their reader; the params keep the data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from './messages.ts';

test('a deal’s unit is named in words after «в» and “in”', () => {
  const m = messages.notTonnes({ unit: 'm3' });
  assert.equal(m.text('ru'), 'весы взвешивают в тоннах, а сделка учитывается в кубических метрах');
  assert.equal(m.text('en'), 'a weighbridge weighs in tonnes; this deal counts in cubic metres');
  assert.deepEqual(m.params, { unit: 'm3' });
});

test('the moment a link was revoked is worded in Kemerovo time', () => {
  const m = messages.linkRevoked({ deviceId: 'wb-1', revokedAt: '2026-11-30T03:15:00.000Z' });
  assert.equal(
    m.text('ru'),
    'Привязка устройства wb-1 отозвана 30 ноября 2026 г., 10:15 (Кемерово)',
  );
  assert.equal(
    m.text('en'),
    'The link of device wb-1 was revoked on 30 November 2026, 10:15 (Kemerovo time)',
  );
  assert.equal(m.params.revokedAt, '2026-11-30T03:15:00.000Z');
});
