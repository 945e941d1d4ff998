// The report as one self-contained HTML file (no script, no outside resource): for reading on
// screen and printing. Every text from data is escaped.

import { wordMoment } from '../../model/wording.ts';
import { indicatorWords, lqFormula, paperRows, readinessDimensionWords } from '../engine/index.ts';
import { orgNameIn } from '../engine/place-names.ts';
import { decree779Html } from './decree779.ts';
import type { Lang, ReportModel } from './model.ts';
import { sustainabilityHead, sustainabilityRows, sustainabilitySummary } from './sustainability.ts';
import { figureNote, number, say } from './words.ts';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** The network as an SVG circle: organisations around, ties as chords. */
function networkSvg(network: NonNullable<ReportModel['network']>, lang: Lang): string {
  const nodes = network.nodes.filter((n) => n.partners > 0);
  if (!nodes.length) return '';
  const size = 520;
  const c = size / 2;
  const r = 200;
  const at = new Map(
    nodes.map((n, i) => {
      const a = (i / nodes.length) * Math.PI * 2 - Math.PI / 2;
      return [n.id, [c + r * Math.cos(a), c + r * Math.sin(a)] as const];
    }),
  );
  const colour: Record<string, string> = {
    exchange: '#1f6feb',
    knowledge: '#1a7f37',
    governance: '#bf8700',
  };
  const lines = network.edges
    .map((e) => {
      const a = at.get(e.source);
      const b = at.get(e.target);
      return a && b
        ? `<line x1="${a[0].toFixed(1)}" y1="${a[1].toFixed(1)}" x2="${b[0].toFixed(1)}" y2="${b[1].toFixed(1)}" stroke="${colour[e.layer] ?? '#888'}" stroke-opacity="0.6"/>`
        : '';
    })
    .join('');
  const dots = nodes
    .map((n) => {
      const [x, y] = at.get(n.id) as readonly [number, number];
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(3 + 2 * Math.sqrt(n.partners)).toFixed(1)}" fill="#24292f"><title>${esc(orgNameIn(n, lang))}</title></circle>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img">${lines}${dots}</svg>`;
}

export function reportHtml(m: ReportModel, lang: Lang): string {
  const p = m.placement;
  const formWord = (f: string) => say(lang, `form:${f}` as 'form:no_data');
  const characteristics = table(
    [say(lang, 'characteristic'), say(lang, 'form'), say(lang, 'score'), say(lang, 'evidence')],
    p.characteristics.map((ch) => [
      `<strong>${esc(paperRows[ch.id].title[lang])}</strong>`,
      esc(formWord(ch.form)),
      esc(number(lang, ch.score)),
      ch.indicators
        .map((i) => {
          const w = indicatorWords[i.name];
          const formula = lang === 'ru' && w ? w.formulaRu : i.formula;
          return `${esc(w ? w[lang] : i.name)}: <strong>${esc(number(lang, i.value, 4))}</strong><br><small>${esc(formula)}</small>`;
        })
        .join('<br>'),
    ]),
  );
  const trajectory = table(
    [say(lang, 'month'), say(lang, 'form'), say(lang, 'score')],
    m.trajectory.map((t) => [
      esc(t.month),
      esc(formWord(t.overall.form)),
      esc(number(lang, t.overall.score)),
    ]),
  );
  const sustainability = p.characteristics.find((c) => c.id === 'sustainability');
  const r = m.readiness;
  const readiness = r.organisations
    ? `<p>${esc(
        say(lang, 'readinessLead', {
          n: r.organisations,
          staff: number(lang, r.employees, 0),
          weakest: r.weakest.map((d) => readinessDimensionWords[d][lang]).join(', '),
        }),
      )}</p>${table(
        [say(lang, 'dimension'), say(lang, 'weighted'), say(lang, 'spread')],
        r.dimensions.map((d) => [
          esc(readinessDimensionWords[d.dimension][lang]),
          esc(number(lang, d.weightedMean)),
          esc(number(lang, d.spread)),
        ]),
      )}`
    : `<p>${esc(say(lang, 'readinessNone'))}</p>`;
  const territory = table(
    [say(lang, 'industry'), say(lang, 'lq'), say(lang, 'status')],
    m.territory.industries.map((i) => {
      const [status = '', ...notes] = figureNote(lang, i);
      return [
        esc(`${i.industry} ${i.name[lang]}`),
        `${esc(number(lang, i.lq))}<br><small>${esc(i.terms ? lqFormula(i.terms, lang) : say(lang, 'noData'))}</small>`,
        `${esc(status)}${notes.map((n) => `<br><small>${esc(n)}</small>`).join('')}`,
      ];
    }),
  );
  const svg = m.network ? networkSvg(m.network, lang) : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(say(lang, 'title'))}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#24292f;overflow-wrap:break-word}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.4rem;vertical-align:top;text-align:left}
small{color:#57606a}h2{margin-top:2rem}svg{max-width:100%;height:auto}
@media (max-width:40rem){body{margin:1rem auto}table{display:block;overflow-x:auto}}
</style></head><body>
<h1>${esc(say(lang, 'title'))}</h1>
<p>${esc(say(lang, 'generated', { at: wordMoment(m.generatedAt, lang) }))}</p>
<h2>${esc(say(lang, 'placement'))}</h2>
<p><strong>${esc(say(lang, 'overall', { form: formWord(p.overall.form), score: number(lang, p.overall.score), asOf: wordMoment(p.asOf, lang), months: p.windowMonths }))}</strong></p>
${characteristics}
<h2>${esc(say(lang, 'trajectory'))}</h2>
${trajectory}
<h2>${esc(say(lang, 'network'))}</h2>
<p>${esc(say(lang, !m.network ? 'networkOperatorOnly' : svg ? 'networkNote' : 'networkEmpty'))}</p>
${svg}
<h2>${esc(say(lang, 'sustainability'))}</h2>
<p>${esc(sustainability ? `${formWord(sustainability.form)}: ${sustainability.indicators.map((i) => `${indicatorWords[i.name]?.[lang] ?? i.name} ${number(lang, i.value)}`).join('; ')}` : '')}</p>
${
  m.sustainability
    ? `<p>${esc(sustainabilitySummary(m.sustainability, lang))}</p>${table(
        sustainabilityHead(lang),
        sustainabilityRows(m.sustainability, lang).map((r) => [
          esc(r[0]!),
          esc(r[1]!),
          esc(r[2]!),
          `<small>${esc(r[3]!)}</small>`,
        ]),
      )}`
    : ''
}
<h2>${esc(say(lang, 'readiness'))}</h2>
${readiness}
<h2>${esc(say(lang, 'territory'))}</h2>
<p>${esc(say(lang, 'territoryNote'))}</p>
${territory}
${decree779Html(m.decree779, lang)}
</body></html>
`;
}
