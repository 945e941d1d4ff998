import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDraft, draftOf, emptyDraft } from './plant-form.ts';

const belts = { ...emptyDraft, feedDeviceId: 'd-feed', productDeviceId: 'd-product' };

test('a plant needs its feed and concentrate belt scales, two different ones', () => {
  assert.deepEqual(checkDraft(emptyDraft), {
    ok: false,
    problems: { feedDeviceId: 'form:feedNeeded', productDeviceId: 'form:productNeeded' },
  });
  assert.deepEqual(checkDraft({ ...belts, productDeviceId: 'd-feed' }), {
    ok: false,
    problems: { productDeviceId: 'form:sameBelt' },
  });
  // nothing else given: no analysers, no targets, the server's default running threshold
  assert.deepEqual(checkDraft(belts), {
    ok: true,
    body: {
      feedDeviceId: 'd-feed',
      productDeviceId: 'd-product',
      ashDeviceId: null,
      densityDeviceId: null,
      powerDeviceId: null,
      ashTargetPct: null,
      densityTargetKgm3: null,
    },
  });
});

test('numbers as people type them: a decimal comma, spaces between thousands; out of range or not a number is named', () => {
  const ok = checkDraft({
    ...belts,
    ashDeviceId: 'd-ash',
    ashTargetPct: '10,5',
    densityTargetKgm3: '1 450',
    runningAboveTph: ' 100 ',
  });
  assert.ok(ok.ok);
  assert.equal(ok.body.ashDeviceId, 'd-ash');
  assert.equal(ok.body.ashTargetPct, 10.5);
  assert.equal(ok.body.densityTargetKgm3, 1450);
  assert.equal(ok.body.runningAboveTph, 100);
  assert.deepEqual(
    checkDraft({ ...belts, ashTargetPct: '61', densityTargetKgm3: '14,5', runningAboveTph: 'сто' }),
    {
      ok: false,
      problems: {
        ashTargetPct: 'form:ashTargetRange',
        densityTargetKgm3: 'form:densityTargetRange',
        runningAboveTph: 'form:runningRange',
      },
    },
  );
  assert.equal(checkDraft({ ...belts, runningAboveTph: '-1' }).ok, false);
  assert.equal(checkDraft({ ...belts, ashTargetPct: '0' }).ok, true);
});

test('a described plant comes back into the form with the locale’s decimal mark', () => {
  const plant = {
    feedDeviceId: 'd-feed',
    productDeviceId: 'd-product',
    ashDeviceId: null,
    densityDeviceId: 'd-density',
    ashTargetPct: 9.5,
    densityTargetKgm3: null,
    runningAboveTph: 50,
  };
  assert.deepEqual(draftOf(plant, ','), {
    feedDeviceId: 'd-feed',
    productDeviceId: 'd-product',
    ashDeviceId: '',
    densityDeviceId: 'd-density',
    powerDeviceId: '',
    ashTargetPct: '9,5',
    densityTargetKgm3: '',
    runningAboveTph: '50',
  });
  assert.equal(draftOf(plant, '.').ashTargetPct, '9.5');
  // and goes out again as it came
  const back = checkDraft(draftOf(plant, ','));
  assert.ok(back.ok);
  assert.equal(back.body.ashTargetPct, 9.5);
});
