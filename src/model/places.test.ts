import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionIn, regionRecorded, territoryIn, townEnglish, townIn } from './places.ts';

test('regions: English names of recorded Russian ones; unknown or Russian readers as recorded', () => {
  assert.equal(regionIn('Кемеровская область — Кузбасс', 'en'), 'Kemerovo Oblast – Kuzbass');
  assert.equal(regionIn(' Томская область ', 'en'), 'Tomsk Oblast');
  assert.equal(regionIn('Томская область', 'ru'), 'Томская область');
  assert.equal(regionIn('Ямало-Ненецкий АО', 'en'), 'Ямало-Ненецкий АО');
});

test('a region typed in English is recorded by its Russian name; an unknown one as typed', () => {
  assert.equal(regionRecorded(' Kemerovo Oblast – Kuzbass '), 'Кемеровская область — Кузбасс');
  assert.equal(regionRecorded('Moscow'), 'Москва');
  assert.equal(regionRecorded('Томская область'), 'Томская область');
  assert.equal(regionRecorded(' Yamalo-Nenets AO '), 'Yamalo-Nenets AO');
  // every English name goes back to a Russian one that reads as it again
  for (const ru of ['Кемеровская область', 'Кузбасс', 'г. Москва', 'Республика Тыва']) {
    const en = regionIn(ru, 'en');
    assert.equal(regionIn(regionRecorded(en), 'en'), en);
  }
});

test('towns: the map names in Russian and back, other spellings included', () => {
  assert.equal(townIn('Kiselyovsk', 'ru'), 'Киселёвск');
  assert.equal(townIn('Kiselyovsk', 'en'), 'Kiselyovsk');
  assert.equal(townIn('Nowhere', 'ru'), 'Nowhere');
  for (const ru of ['Киселёвск', 'Киселевск']) assert.equal(townEnglish(ru), 'Kiselyovsk');
  for (const en of ['Kemerovo', 'Yurga', 'Leninsk-Kuznetsky'])
    assert.equal(townEnglish(townIn(en, 'ru')), en);
});

test('special territories: the kind worded, the town as the map names it', () => {
  assert.equal(territoryIn('ТОР «Юрга»', 'en'), 'Advanced Development Territory “Yurga”');
  assert.equal(territoryIn('ОЭЗ «Кемерово»', 'en'), 'Special Economic Zone “Kemerovo”');
  assert.equal(territoryIn('ТОР «Юрга»', 'ru'), 'ТОР «Юрга»');
  assert.equal(territoryIn('моногород', 'en'), 'моногород');
});
