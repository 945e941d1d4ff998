import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fkkoCatalogue } from '../reference.ts';
import { normaliseFkko, parseFkkoCatalogue } from './fkko.ts';

test('the 2026 catalogue is read whole, less the 17 rows with a scraped non-breaking space', () => {
  assert.equal(fkkoCatalogue().size, 9100 - 17);
});

test('a code gives its name, block, hazard class and physical state', () => {
  const e = fkkoCatalogue().get('6 11 100 01 40 4')!;
  assert.equal(e.name, 'Зола от сжигания угля малоопасная');
  assert.equal(e.block, '6 00 000 00 00 0');
  assert.equal(e.hazardClass, 4);
  assert.equal(e.physicalState, 'твердые сыпучие материалы');
  assert.equal(e.physicalStateEn, 'loose solids');
  // digits 10 are a liquid, 20 a solid (the catalogue's names say so)
  assert.equal(fkkoCatalogue().get('21111111205')?.physicalState, 'твердое');
  const lye = fkkoCatalogue().get('9 41 101 01 10 2')!;
  assert.match(lye.name, /^Отходы растворов гидроксида натрия/);
  assert.equal(lye.physicalState, 'жидкое');
  assert.equal(e.blockName, 'ОТХОДЫ ОБЕСПЕЧЕНИЯ ЭЛЕКТРОЭНЕРГИЕЙ, ГАЗОМ И ПАРОМ');
  assert.equal(e.blockNameEn, 'Waste of electricity, gas and steam supply');
  assert.equal(
    fkkoCatalogue().get('21111111205')?.name,
    'Вскрышная порода при добыче угля открытым способом',
  );
  assert.equal(fkkoCatalogue().get('2 11 111 11 20 9'), undefined);
});

test('every block and physical state of the catalogue has its English', () => {
  const c = fkkoCatalogue();
  // every waste entry (hazard class 1-5): by the code's first digits, block by block
  const wastes = ['1', '2', '3', '4', '6', '7', '8', '9'].flatMap((d) => c.search(d, 10_000));
  assert.ok(wastes.length > 6000, String(wastes.length));
  for (const e of wastes) assert.ok(e.blockNameEn, `block of ${e.code}`);
  // one entry's pair, «92», is not in the order's list: it keeps its digits
  assert.deepEqual(
    wastes.filter((e) => /^form /.test(e.physicalStateEn)).map((e) => [e.code, e.physicalStateEn]),
    [['3 92 211 21 92 4', 'form 92']],
  );
});

test('search by words of the name returns waste entries only', () => {
  const hits = fkkoCatalogue().search('золошлаковая смесь углей');
  assert.ok(hits.length >= 4);
  assert.ok(hits.every((h) => h.hazardClass > 0 && /золошлаковая/i.test(h.name)));
  const spaced = fkkoCatalogue().search('6 11 100');
  assert.deepEqual(
    spaced.map((h) => h.code),
    fkkoCatalogue()
      .search('611100')
      .map((h) => h.code),
  );
  assert.ok(spaced.some((h) => h.code === '6 11 100 01 40 4'));
});

test('parsing ignores malformed rows', () => {
  const c = parseFkkoCatalogue(
    'code\tname\tlink\n1 00 000 00 00 0\tБЛОК\t/x\n1 11 000 01 23 4\tОтход\t/y\n1 11\u00a0000 01 23 4\tbad\t/z\n',
  );
  assert.equal(c.size, 2);
  assert.equal(c.get('1 11 000 01 23 4')?.blockName, 'БЛОК');
  assert.equal(normaliseFkko('11100001234'), '1 11 000 01 23 4');
});
