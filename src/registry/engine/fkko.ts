/**
 * The Russian federal waste classification catalogue (FKKO): 11-digit codes, digits 1-8
 * origin and composition, 9-10 physical state, 11 hazard class. Pure: parses the TSV text.
 */
export interface FkkoEntry {
  code: string;
  name: string;
  /** the top-level block, e.g. "2 00 000 00 00 0" */
  block: string;
  blockName: string;
  /** hazard class 1-5; 0 for blocks and groups */
  hazardClass: number;
  /** digits 9-10 */
  physicalState: string;
}

export interface FkkoCatalogue {
  get(code: string): FkkoEntry | undefined;
  search(text: string, limit?: number): FkkoEntry[];
  size: number;
}

const CODE = /^\d \d{2} \d{3} \d{2} \d{2} \d$/;

/** Physical state and form, digits 9-10 of the code (Rosprirodnadzor order 242, annex). */
const physicalStates: Record<string, string> = {
  '10': 'твердое',
  '20': 'твердое (кусковое)',
  '21': 'твердое (кусковое)',
  '29': 'твердое (прочие формы)',
  '30': 'дисперсные системы',
  '31': 'жидкое (дисперсные системы)',
  '32': 'паста',
  '33': 'суспензия, шлам',
  '39': 'прочие дисперсные системы',
  '40': 'сыпучее, порошкообразное',
  '41': 'порошок',
  '42': 'пыль',
  '49': 'прочие сыпучие материалы',
  '50': 'изделия',
  '51': 'изделие из одного материала',
  '52': 'изделие из нескольких материалов',
};

export function describePhysicalState(code: string): string {
  const d = code.replace(/ /g, '').slice(8, 10);
  return physicalStates[d] ?? physicalStates[`${d[0]}0`] ?? `form ${d}`;
}

export function parseFkkoCatalogue(tsv: string): FkkoCatalogue {
  const entries = new Map<string, FkkoEntry>();
  const blocks = new Map<string, string>();
  const lines = tsv.split(/\r?\n/).slice(1);
  const rows: Array<[string, string]> = [];
  for (const line of lines) {
    const [code, name] = line.split('\t');
    // 17 scraped rows hold a non-breaking space instead of a digit: they fail the pattern and stay unknown.
    if (!code || !CODE.test(code)) continue;
    rows.push([code, name]);
    if (code.slice(1) === ' 00 000 00 00 0') blocks.set(code[0], name);
  }
  for (const [code, name] of rows) {
    entries.set(code, {
      code,
      name,
      block: `${code[0]} 00 000 00 00 0`,
      blockName: blocks.get(code[0]) ?? '',
      hazardClass: Number(code[code.length - 1]),
      physicalState: describePhysicalState(code),
    });
  }
  const all = [...entries.values()];
  return {
    get: (code) => entries.get(normaliseFkko(code)),
    search(text, limit = 20) {
      // A code may be typed with or without its spaces: "6 11 100" or "611100".
      const digits = text.replace(/\s/g, '');
      if (/^\d+$/.test(digits)) {
        return all
          .filter((e) => e.hazardClass > 0 && e.code.replace(/ /g, '').startsWith(digits))
          .slice(0, limit);
      }
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      return all
        .filter(
          (e) =>
            e.hazardClass > 0 &&
            words.every(
              (w) => e.name.toLowerCase().includes(w) || e.code.replace(/ /g, '').startsWith(w),
            ),
        )
        .slice(0, limit);
    },
    size: entries.size,
  };
}

/** Accepts "21111111205" or "2 11 111 11 20 5" and returns the spaced form. */
export function normaliseFkko(code: string): string {
  const d = code.replace(/\s/g, '');
  if (!/^\d{11}$/.test(d)) return code;
  return `${d[0]} ${d.slice(1, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8, 10)} ${d[10]}`;
}
