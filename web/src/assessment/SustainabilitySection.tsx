// Sustainability from the platform's data: the three parts (environmental, economic, social)
// and the balance index, each indicator with its value, target and source. A value the data
// do not give shows «no data», never a number.
import { dictionary, type Locale, useFormat, useT } from '../i18n/index.ts';
import { answer, client } from '../shell/api.ts';
import { TableScroll } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { Loaded } from './blocks.tsx';

const dict = dictionary(
  {
    title: 'Устойчивость по данным платформы',
    lead: 'Три части — экологическая, экономическая, социальная — как доли своих целей; индекс баланса снижается при однобоком росте. Цели — настройка (оценка).',
    balance: 'Индекс баланса',
    'part:environmental': 'Экологическая',
    'part:economic': 'Экономическая',
    'part:social': 'Социальная',
    indicator: 'Показатель',
    value: 'Значение',
    target: 'Цель (оценка)',
    share: 'Доля цели',
    source: 'Источник',
    data: 'данные (JSON)',
    noData: 'нет данных',
    window: 'Период: {from} … {to}',
    'name:waste_utilisation_rate': 'Доля вовлечения предложенных отходов',
    'name:tonnes_diverted': 'Отведено от размещения (хранение и захоронение)',
    'name:co2e_avoided_t': 'CO2e предотвращено (нетто)',
    'name:methane_used_m3': 'Использовано метана (CH4)',
    'name:savings_rub': 'Чистая выгода',
    'name:value_added_deep_processing_rub': 'Добавленная стоимость глубокой переработки',
    'name:transaction_costs_saved_rub': 'Сэкономлено транзакционных издержек',
    'name:knowledge_workers': 'Работники знаний',
    'name:rd_projects_with_universities': 'Проекты НИОКР с вузами',
    'name:training_offers': 'Курсы и программы обучения',
    'unit:share': '',
    'unit:t': 'т',
    'unit:t CO2e': 'т CO2e',
    'unit:m3': 'м³',
    'unit:RUB': '₽',
    'unit:people': 'чел.',
    'unit:projects': '',
    'unit:offers': '',
  },
  {
    title: "Sustainability from the platform's data",
    lead: 'Three parts — environmental, economic, social — as shares of their targets; the balance index falls with one-sided growth. Targets are configuration (estimates).',
    balance: 'Balance index',
    'part:environmental': 'Environmental',
    'part:economic': 'Economic',
    'part:social': 'Social',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target (estimate)',
    share: 'Share of target',
    source: 'Source',
    data: 'data (JSON)',
    noData: 'no data',
    window: 'Period: {from} … {to}',
    'name:waste_utilisation_rate': 'Share of offered waste put to use',
    'name:tonnes_diverted': 'Diverted from placement (storage and landfill)',
    'name:co2e_avoided_t': 'CO2e avoided (net)',
    'name:methane_used_m3': 'Methane (CH4) used',
    'name:savings_rub': 'Net benefit',
    'name:value_added_deep_processing_rub': 'Value added by deep processing',
    'name:transaction_costs_saved_rub': 'Transaction costs saved',
    'name:knowledge_workers': 'Knowledge workers',
    'name:rd_projects_with_universities': 'R&D projects with universities',
    'name:training_offers': 'Training courses and programmes',
    'unit:share': '',
    'unit:t': 't',
    'unit:t CO2e': 't CO2e',
    'unit:m3': 'm³',
    'unit:RUB': 'RUB',
    'unit:people': 'people',
    'unit:projects': '',
    'unit:offers': '',
  },
);

const load = () => answer(client.GET('/api/v1/assessment/sustainability'));
const parts = ['environmental', 'economic', 'social'] as const;

export function SustainabilitySection({ locale }: { locale: Locale }) {
  const t = useT(dict);
  const f = useFormat();
  const r = useResource(load, []);
  // biome-ignore lint/suspicious/noExplicitAny: dictionary keys built from the server's names
  const word = (key: string) => t(key as any);
  const amount = (x: number | null, unit: string) =>
    x === null
      ? t('noData')
      : unit === 'share'
        ? f.percent(x)
        : `${f.decimal(x, unit === 't' || unit === 't CO2e' ? 1 : 0)}${word(`unit:${unit}`) ? `\u00a0${word(`unit:${unit}`)}` : ''}`;
  const share = (x: number | null) => (x === null ? t('noData') : f.percent(x));
  return (
    <section
      className="card stack"
      aria-labelledby="sustainability-title"
      data-testid="sustainability"
    >
      <h2 id="sustainability-title">{t('title')}</h2>
      <p className="muted">{t('lead')}</p>
      <Loaded resource={r}>
        {(data) => (
          <>
            <p className="muted small">
              {t('window', { from: f.month(data.from), to: f.month(data.to) })}
            </p>
            <dl className="impact-figures sustainability-parts">
              {parts.map((p) => (
                <div key={p}>
                  <dt>{word(`part:${p}`)}</dt>
                  <dd data-testid={`sustainability-${p}`}>{share(data.parts[p])}</dd>
                </div>
              ))}
              <div>
                <dt>{t('balance')}</dt>
                <dd data-testid="sustainability-balance">
                  {data.balanceIndex === null ? t('noData') : f.decimal(data.balanceIndex, 2)}
                </dd>
              </div>
            </dl>
            <TableScroll>
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('indicator')}</th>
                    <th className="num">{t('value')}</th>
                    <th className="num">{t('target')}</th>
                    <th className="num">{t('share')}</th>
                    <th>{t('source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.indicators.map((i) => (
                    <tr key={i.name} data-testid="sustainability-row" data-part={i.part}>
                      <td>
                        {word(`name:${i.name}`)}
                        <span className="muted small"> · {word(`part:${i.part}`)}</span>
                      </td>
                      <td className="num">{amount(i.value, i.unit)}</td>
                      <td className="num">{amount(i.target, i.unit)}</td>
                      <td className="num">{share(i.share)}</td>
                      <td className="small" data-testid="sustainability-source">
                        {i.source[locale]}
                        {i.data && (
                          <>
                            {' · '}
                            <a href={i.data} target="_blank" rel="noopener noreferrer">
                              {t('data')}
                            </a>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="muted small">{locale === 'ru' ? data.formulaRu : data.formula}</p>
          </>
        )}
      </Loaded>
    </section>
  );
}
