import { type Dictionary, dictionary } from '../i18n/index.ts';

/** The Flows page's text: the value chain as a Sankey diagram and its table. */
export const flowsDict = dictionary(
  {
    title: 'Потоки',
    lead: 'Цепочка ценности: тонны, поставленные по сделкам между видами организаций — от добычи и обогащения к энергетике, коксохимии, переработке отходов и стройматериалам.',
    scopeCluster: 'Весь кластер: все записанные поставки.',
    scopeOrganisation: 'Поставки по сделкам вашей организации.',
    material: 'Материал',
    allMaterials: 'все материалы',
    from: 'Поставлено с',
    to: 'по',
    reset: 'Сбросить',
    diagram: 'Диаграмма Сэнки',
    diagramLabel: 'Диаграмма Сэнки потоков между видами организаций; те же числа — в таблице ниже',
    scrollSideways: 'Диаграмма шире экрана: прокрутите её вбок. Те же числа — в таблице ниже.',
    table: 'Потоки таблицей',
    source: 'Откуда',
    target: 'Куда',
    tonnes: 'Тонн',
    byMaterial: 'По материалам',
    total: 'Итого',
    linkTitle: '{source} → {target}: {tonnes}',
    nodeTitle: '{label}: получено {in}, отгружено {out}',
    empty: 'Потоков нет',
    emptyText: 'По сделкам ещё нет записанных поставок в тоннах.',
    emptyFiltered: 'Нет поставок этого материала за этот период — измените фильтр.',
    emptyPeriod: 'Нет поставок за этот период — измените фильтр.',
    emptyObserver: 'По сделкам вашей организации поставок нет',
    emptyObserverText:
      'Здесь показаны поставки только по сделкам своей организации: кто, кому и что поставил, знают лишь стороны сделки. Итоги по всему кластеру — тонны, отведённые от размещения (хранения и захоронения), законтрактованные и поставленные, предотвращённые выбросы CO2e и чистая выгода — на странице «Эффект».',
    toImpact: 'К эффекту обмена →',
    skipped: 'Не показаны: {notTonnes} партий не в тоннах и {unknown} партий организаций без вида.',
    balanceNote:
      'Значения связей — это масса из баланса масс: исходящие связи вида равны отгруженному его организациями, входящие — полученному.',
    returnNote: '«Обратный поток» — поставка назад по цепочке или внутри одной ступени.',
    t: '{n} т',
    deals: 'К сделкам',
    badPeriod: 'Начало периода позже конца',
  },
  {
    title: 'Flows',
    lead: 'The value chain: tonnes delivered under deals between kinds of organisation — from mining and preparation to power, coke-chemistry, waste processing and construction materials.',
    scopeCluster: 'The whole cluster: every recorded delivery.',
    scopeOrganisation: "Deliveries of your organisation's deals.",
    material: 'Material',
    allMaterials: 'all materials',
    from: 'Delivered from',
    to: 'to',
    reset: 'Reset',
    diagram: 'Sankey diagram',
    diagramLabel:
      'Sankey diagram of flows between kinds of organisation; the table below has the same numbers',
    scrollSideways:
      'The diagram is wider than the screen: scroll it sideways. The table below has the same numbers.',
    table: 'Flows as a table',
    source: 'From',
    target: 'To',
    tonnes: 'Tonnes',
    byMaterial: 'By material',
    total: 'Total',
    linkTitle: '{source} → {target}: {tonnes}',
    nodeTitle: '{label}: received {in}, shipped {out}',
    empty: 'No flows',
    emptyText: 'No deliveries in tonnes have been recorded under deals yet.',
    emptyFiltered: 'No deliveries of this material in this period — change the filter.',
    emptyPeriod: 'No deliveries in this period — change the filter.',
    emptyObserver: "No deliveries under your organisation's deals",
    emptyObserverText:
      "This page shows the deliveries of your own organisation's deals only: who delivered what to whom is known to a deal's parties alone. The cluster's totals — tonnes diverted from placement (storage and landfill), contracted and delivered, CO2e avoided and the net benefit — are on the Impact page.",
    toImpact: 'To the impact of the exchange →',
    skipped:
      'Not drawn: {notTonnes} lots not in tonnes and {unknown} lots of organisations without a kind.',
    balanceNote:
      "Link values are the mass balance's tonnes: a kind's outgoing links equal what its organisations shipped, its incoming links what they received.",
    returnNote: '“Return” is a delivery back up the chain or within one stage.',
    t: '{n} t',
    deals: 'To deals',
    badPeriod: 'The period starts after it ends',
  },
);

export type FlowsKey = typeof flowsDict extends Dictionary<infer K> ? K : never;
