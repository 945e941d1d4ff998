// Names the assessment words on the server in the reader's language: organisations (English
// name when kept), regions and special territories, and the evidence built from them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDecree779 } from './decree779.ts';
import { orgNameIn, regionIn, territoryIn } from './place-names.ts';
import { assess } from './typology.ts';

const cyrillic = /[\u0400-\u04FF]/;

describe('place names in the reader’s language', () => {
  test('an organisation’s English name in English, its Russian name in Russian or when none is kept', () => {
    const o = { name: 'АО «Енисейский цемент»', nameEn: 'Yenisei Cement JSC' };
    assert.equal(orgNameIn(o, 'en'), 'Yenisei Cement JSC');
    assert.equal(orgNameIn(o, 'ru'), 'АО «Енисейский цемент»');
    assert.equal(orgNameIn({ name: 'ООО «Тест»' }, 'en'), 'ООО «Тест»');
    assert.equal(orgNameIn({ name: 'ООО «Тест»', nameEn: null }, 'en'), 'ООО «Тест»');
    assert.equal(orgNameIn({ name: 'ООО «Тест»', nameEn: '  ' }, 'en'), 'ООО «Тест»');
  });

  test('regions are worded as the registry words them; an unknown one stays as recorded', () => {
    assert.equal(regionIn('Кемеровская область — Кузбасс', 'en'), 'Kemerovo Oblast – Kuzbass');
    assert.equal(regionIn('Кемеровская область — Кузбасс', 'ru'), 'Кемеровская область — Кузбасс');
    assert.equal(regionIn('Томская область', 'en'), 'Tomsk Oblast');
    assert.equal(regionIn('Камчатский край', 'en'), 'Камчатский край');
  });

  test('special territories: the kind worded and the town named in English', () => {
    assert.equal(
      territoryIn('ТОР «Прокопьевск»', 'en'),
      'Advanced Development Territory “Prokopyevsk”',
    );
    assert.equal(territoryIn('ТОР «Юрга»', 'en'), 'Advanced Development Territory “Yurga”');
    assert.equal(territoryIn('ОЭЗ «Кемерово»', 'en'), 'Special Economic Zone “Kemerovo”');
    assert.equal(territoryIn('ТОР «Прокопьевск»', 'ru'), 'ТОР «Прокопьевск»');
    // a name of another shape or an unknown town stays as recorded
    assert.equal(territoryIn('ТОР «Неизвестный»', 'en'), 'ТОР «Неизвестный»');
    assert.equal(territoryIn('особый режим', 'en'), 'особый режим');
  });
});

describe('evidence worded per language', () => {
  const participants = [
    {
      id: 'a',
      name: 'АО «Инская ГРЭС»',
      nameEn: 'Inskaya GRES JSC',
      monotown: false,
      specialTerritory: false,
      purchasesKopecks: null,
    },
    {
      id: 'b',
      name: 'ООО «Без имени»',
      nameEn: null,
      monotown: false,
      specialTerritory: false,
      purchasesKopecks: null,
    },
  ];

  test('Decree 779: the English evidence names members in English (Russian where none), the Russian in Russian', () => {
    const r = checkDecree779(participants, []);
    // the GRES declares no output, organising it; the other declares nothing
    const declared = checkDecree779(
      participants.map((p) =>
        p.id === 'a' ? { ...p, output: { produced: false, organising: true } } : p,
      ),
      [],
    );
    const output = declared.checks.find((c) => c.id === 'without_output');
    assert.equal(
      output?.evidence.en,
      '1 of 2 participants declared their output; without industrial output in the previous period: Inskaya GRES JSC; no data on output: ООО «Без имени»',
    );
    assert.equal(
      output?.evidence.ru,
      'декларации о выпуске подали 1 из 2 участников; без промышленной продукции в предыдущем периоде: АО «Инская ГРЭС»; нет данных о выпуске: ООО «Без имени»',
    );
    const short = r.checks.find((c) => c.id === 'contracts');
    assert.equal(
      short?.evidence.en,
      'without a contract with another participant: Inskaya GRES JSC, ООО «Без имени»',
    );
    assert.equal(
      short?.evidence.ru,
      'без договора с другим участником: АО «Инская ГРЭС», ООО «Без имени»',
    );
  });

  test("Decree 779: each language's evidence lists the names in its own alphabetical order", () => {
    const r = checkDecree779(
      [
        { ...participants[0], id: 'y', name: 'АО «Азот»', nameEn: 'Zeta JSC' },
        { ...participants[0], id: 'z', name: 'АО «Яшма»', nameEn: 'Alpha JSC' },
      ],
      [],
    );
    const short = r.checks.find((c) => c.id === 'contracts');
    assert.equal(
      short?.evidence.en,
      'without a contract with another participant: Alpha JSC, Zeta JSC',
    );
    assert.equal(short?.evidence.ru, 'без договора с другим участником: АО «Азот», АО «Яшма»');
  });

  test('typology: the English formula of members outside the region names the region in English', () => {
    const a = assess({
      organisations: [
        {
          id: 'a',
          kind: 'power_plant',
          region: 'Кемеровская область — Кузбасс',
          agglomeration: null,
        },
        { id: 'b', kind: 'chemical', region: 'Томская область', agglomeration: null },
        { id: 'c', kind: 'chemical', region: 'Кемеровская область — Кузбасс', agglomeration: null },
      ],
      ties: [],
      decisions: [],
      keystones: [],
    });
    const i = a.characteristics
      .flatMap((c) => c.indicators)
      .find((x) => x.name === 'members_outside_region');
    assert.equal(
      i?.formula,
      "organisations outside the cluster's region (Kemerovo Oblast – Kuzbass) ÷ organisations",
    );
    assert.doesNotMatch(i?.formula ?? '', cyrillic);
  });
});
