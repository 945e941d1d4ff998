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
  /** the block's name in English (our translation; the catalogue is Russian only) */
  blockNameEn: string;
  /** hazard class 1-5; 0 for blocks and groups */
  hazardClass: number;
  /** digits 9-10 */
  physicalState: string;
  physicalStateEn: string;
}

export interface FkkoCatalogue {
  get(code: string): FkkoEntry | undefined;
  search(text: string, limit?: number): FkkoEntry[];
  size: number;
}

const CODE = /^\d \d{2} \d{3} \d{2} \d{2} \d$/;

/**
 * Physical state and form, digits 9-10 of the code, as the introduction of the catalogue
 * (Rosprirodnadzor order 242 of 22.05.2017) lists them; the English is our translation. Checked
 * against the catalogue's own names: every «10» entry is a liquid (solutions, mixtures of liquid
 * waste), «22» shavings, «23» fibres, «43» sawdust, «53» articles holding a liquid, «54» a gas
 * (aerosols, cylinders), «61» articles of one fibre (filter cloth).
 */
const physicalStates: Record<string, { ru: string; en: string }> = {
  '00': {
    ru: 'не требует определения агрегатного состояния и физической формы',
    en: 'no physical state to determine',
  },
  '10': { ru: 'жидкое', en: 'liquid' },
  '20': { ru: 'твердое', en: 'solid' },
  '21': { ru: 'кусковая форма', en: 'lumps' },
  '22': { ru: 'стружка', en: 'shavings' },
  '23': { ru: 'волокно', en: 'fibre' },
  '29': { ru: 'прочие формы твердых веществ', en: 'other solid forms' },
  '30': { ru: 'дисперсные системы', en: 'dispersed systems' },
  '31': { ru: 'жидкое в жидком (эмульсия)', en: 'liquid in liquid (emulsion)' },
  '32': { ru: 'твердое в жидком (суспензия)', en: 'solid in liquid (suspension)' },
  '33': { ru: 'твердое в жидком (паста)', en: 'solid in liquid (paste)' },
  '39': { ru: 'прочие дисперсные системы', en: 'other dispersed systems' },
  '40': { ru: 'твердые сыпучие материалы', en: 'loose solids' },
  '41': { ru: 'порошок', en: 'powder' },
  '42': { ru: 'пыль', en: 'dust' },
  '43': { ru: 'опилки', en: 'sawdust and filings' },
  '49': { ru: 'прочие сыпучие материалы', en: 'other loose materials' },
  '50': {
    ru: 'изделия из твердых материалов, за исключением волокон',
    en: 'articles of solid materials other than fibres',
  },
  '51': { ru: 'изделие из одного материала', en: 'article of one material' },
  '52': { ru: 'изделия из нескольких материалов', en: 'articles of several materials' },
  '53': { ru: 'изделия, содержащие жидкость', en: 'articles holding a liquid' },
  '54': { ru: 'изделия, содержащие газ', en: 'articles holding a gas' },
  '60': { ru: 'изделия из волокон', en: 'articles of fibres' },
  '61': { ru: 'изделие из одного волокна', en: 'article of one fibre' },
  '62': { ru: 'изделия из нескольких волокон', en: 'articles of several fibres' },
  '70': { ru: 'смеси твердых материалов и изделий', en: 'mixtures of solids and articles' },
  '71': {
    ru: 'смесь твердых материалов (включая волокна)',
    en: 'mixture of solids (fibres included)',
  },
  '72': {
    ru: 'смесь твердых материалов (включая волокна) и изделий',
    en: 'mixture of solids (fibres included) and articles',
  },
};

/** The catalogue's blocks (the code's first digit) in English: our translation. */
const blockNamesEn: Record<string, string> = {
  '1': 'Waste of agriculture, forestry, fish farming and fishing',
  '2': 'Waste of mining and quarrying',
  '3': 'Waste of manufacturing',
  '4': 'Waste of consumption, industrial and other; materials and articles that have lost their consumer properties, not in blocks 1–3, 6–9',
  '6': 'Waste of electricity, gas and steam supply',
  '7': 'Waste of water supply, sewerage and waste collection, treatment, recovery, neutralisation and placement',
  '8': 'Waste of construction and repair',
  '9': 'Waste of other activities, not in blocks 1–3, 6–8',
};

const physicalStateOf = (code: string) => {
  const d = code.replace(/ /g, '').slice(8, 10);
  // a pair the introduction does not list (one entry, «92»): its first digit's group
  return physicalStates[d] ?? physicalStates[`${d[0]}0`] ?? { ru: `форма ${d}`, en: `form ${d}` };
};

export function describePhysicalState(code: string): string {
  return physicalStateOf(code).ru;
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
      blockNameEn: blockNamesEn[code[0]] ?? '',
      hazardClass: Number(code[code.length - 1]),
      physicalState: physicalStateOf(code).ru,
      physicalStateEn: physicalStateOf(code).en,
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
