// What each factor of data/reference/factors.json is, in the reader's language. The file keeps
// its keys, English units and the sources' own titles (citations stay as published); the plan's
// factors table shows these names and, in Russian, the unit in Russian. A test holds the list to
// the file, so a new factor cannot reach the table without its name.
import type { Locale } from '../../i18n/index.ts';

/** `unitEn`: where the file's unit names another factor by its key, the unit in words. */
type Name = { ru: string; en: string; unitRu: string; unitEn?: string };

const RAIL_TARIFF = /^transport\.rail\.n8\.km(\d+)$/;

const names: Record<string, Name> = {
  'transport.road.rateRubPerTkm': {
    ru: 'Автоперевозка: ставка',
    en: 'Road haulage: rate',
    unitRu: 'руб./(т·км)',
  },
  'transport.road.handlingRubPerT': {
    ru: 'Автоперевозка: погрузка и выгрузка',
    en: 'Road haulage: loading and unloading',
    unitRu: 'руб./т',
  },
  'transport.road.circuity': {
    ru: 'Автодороги: извилистость маршрута',
    en: 'Road: route circuity',
    unitRu: 'км пути на 1 км по прямой',
  },
  'transport.road.speedKmh': {
    ru: 'Автоперевозка: средняя скорость',
    en: 'Road haulage: average speed',
    unitRu: 'км/ч',
  },
  'transport.rail.k1.base': {
    ru: 'Ж/д: К1 для груза 1 класса',
    en: 'Rail: K1, class 1 cargo',
    unitRu: 'коэффициент (до расстояния «К1 до»)',
    unitEn: 'coefficient (up to the distance "K1 holds up to")',
  },
  'transport.rail.k1.upToKm': {
    ru: 'Ж/д: К1 до расстояния',
    en: 'Rail: K1 holds up to',
    unitRu: 'км',
  },
  'transport.rail.k1.stepKm': {
    ru: 'Ж/д: шаг снижения К1',
    en: 'Rail: K1 taper step',
    unitRu: 'км на шаг',
  },
  'transport.rail.k1.step': {
    ru: 'Ж/д: снижение К1 на шаг',
    en: 'Rail: K1 decrease per step',
    unitRu: 'на шаг',
  },
  'transport.rail.k1.floor': {
    ru: 'Ж/д: К1 от 5001 км',
    en: 'Rail: K1 from 5001 km',
    unitRu: 'коэффициент',
  },
  'transport.rail.ownWagon': {
    ru: 'Ж/д: собственный или арендованный полувагон',
    en: 'Rail: own or leased gondola',
    unitRu: 'коэффициент',
  },
  'transport.rail.k3': {
    ru: 'Ж/д: К3, минеральные строительные грузы (золошлаки)',
    en: 'Rail: K3, mineral building materials (ash and slag)',
    unitRu: 'коэффициент (ЕТСНГ 231–236)',
  },
  'transport.rail.k3UniversalWagon': {
    ru: 'Ж/д: К3 в универсальных вагонах',
    en: 'Rail: K3 in universal wagons',
    unitRu: 'множитель к К3',
  },
  'transport.rail.security': {
    ru: 'Ж/д: транспортная безопасность',
    en: 'Rail: transport security',
    unitRu: 'коэффициент (1.03.2026 – 28.02.2027)',
  },
  'transport.rail.wagonLoadT': {
    ru: 'Ж/д: загрузка вагона',
    en: 'Rail: wagon load',
    unitRu: 'т на вагон',
  },
  'transport.rail.operatorShare': {
    ru: 'Ж/д: доля оператора (ставка вагона, порожний возврат)',
    en: 'Rail: operator share (wagon rate, empty return)',
    unitRu: 'доля к тарифу',
  },
  'transport.rail.handlingRubPerT': {
    ru: 'Ж/д: погрузка и выгрузка',
    en: 'Rail: loading and unloading',
    unitRu: 'руб./т',
  },
  'transport.rail.circuity': {
    ru: 'Ж/д: извилистость маршрута',
    en: 'Rail: route circuity',
    unitRu: 'км пути на 1 км по прямой',
  },
  'transport.rail.stationReachKm': {
    ru: 'Ж/д: радиус до станции',
    en: 'Rail: reach to a station',
    unitRu: 'км по прямой от площадки',
  },
  'transport.rail.speedKmh': {
    ru: 'Ж/д: средняя скорость',
    en: 'Rail: average speed',
    unitRu: 'км/ч',
  },
  'emissions.transport.roadKgCo2PerTkm': {
    ru: 'Выбросы автоперевозки',
    en: 'Road haulage emissions',
    unitRu: 'кг CO2-экв./(т·км)',
  },
  'emissions.transport.railKgCo2PerTkm': {
    ru: 'Выбросы ж/д перевозки',
    en: 'Rail haulage emissions',
    unitRu: 'кг CO2/(т·км)',
  },
  'emissions.methane.gwp100Fossil': {
    ru: 'Метан: потенциал глобального потепления (100 лет, ископаемый)',
    en: 'Methane: global warming potential (100 years, fossil)',
    unitRu: 'т CO2-экв. на т CH4',
  },
  'emissions.methane.combustionTCo2PerTCh4': {
    ru: 'Метан: CO2 при сжигании',
    en: 'Methane: CO2 from burning',
    unitRu: 'т CO2 на т сожжённого CH4',
  },
  'emissions.methane.densityKgPerM3': {
    ru: 'Метан: плотность',
    en: 'Methane: density',
    unitRu: 'кг/м³ при 20 °C и 101,325 кПа (ГОСТ 2939)',
  },
  'energy.methane.lhvMjPerKg': {
    ru: 'Метан: низшая теплота сгорания',
    en: 'Methane: lower heating value',
    unitRu: 'МДж/кг',
  },
  'energy.cokeOvenGas.lhvMjPerM3': {
    ru: 'Коксовый газ: низшая теплота сгорания',
    en: 'Coke-oven gas: lower heating value',
    unitRu: 'МДж/м³',
  },
  'energy.boiler.gasEfficiency': {
    ru: 'КПД газовой котельной',
    en: 'Gas boiler efficiency',
    unitRu: 'тепло потребителю на тепло топлива',
  },
  'energy.boiler.coalEfficiency': {
    ru: 'КПД угольной котельной',
    en: 'Coal boiler efficiency',
    unitRu: 'тепло потребителю на тепло топлива',
  },
  'energy.gasEngine.electricEfficiency': {
    ru: 'Электрический КПД газопоршневой установки',
    en: 'Gas-engine genset electric efficiency',
    unitRu: 'электроэнергия на тепло топлива',
  },
  'energy.steamCycle.electricEfficiency': {
    ru: 'Электрический КПД паросилового цикла ТЭС',
    en: 'Steam-cycle power plant electric efficiency',
    unitRu: 'электроэнергия на тепло топлива',
  },
  'energy.gjPerGcal': { ru: 'Гигаджоулей в гигакалории', en: 'GJ per Gcal', unitRu: 'ГДж/Гкал' },
  'energy.gjPerMWh': { ru: 'Гигаджоулей в МВт·ч', en: 'GJ per MWh', unitRu: 'ГДж/(МВт·ч)' },
  'energy.coal.ncvKcalPerKg': {
    ru: 'Энергетический уголь: теплота сгорания',
    en: 'Boiler coal: calorific value',
    unitRu: 'ккал/кг на рабочее состояние',
  },
  'prices.naturalGasRubPer1000m3': {
    ru: 'Цена природного газа (промышленность, Кемеровская обл.)',
    en: 'Natural gas price (industry, Kemerovo oblast)',
    unitRu: 'руб. за 1 000 м³ без НДС',
  },
  'prices.boilerCoalRubPerT': {
    ru: 'Цена энергетического угля с доставкой',
    en: 'Boiler coal price, delivered',
    unitRu: 'руб./т',
  },
  'substitutes.clinker.tCo2PerUnit': {
    ru: 'Замещение: цементный клинкер',
    en: 'Substitute: cement clinker',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.gbfs.tCo2PerUnit': {
    ru: 'Замещение: гранулированный доменный шлак',
    en: 'Substitute: granulated blast-furnace slag',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.natural-aggregate.tCo2PerUnit': {
    ru: 'Замещение: природный щебень',
    en: 'Substitute: natural aggregate',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.natural-sand.tCo2PerUnit': {
    ru: 'Замещение: природный песок',
    en: 'Substitute: natural sand',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.clay.tCo2PerUnit': {
    ru: 'Замещение: глина',
    en: 'Substitute: clay',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.primary-coal.tCo2PerUnit': {
    ru: 'Замещение: добытый уголь',
    en: 'Substitute: primary coal',
    unitRu: 'т CO2-экв. на т',
  },
  'substitutes.natural-gas.tCo2PerUnit': {
    ru: 'Замещение: природный газ',
    en: 'Substitute: natural gas',
    unitRu: 'т CO2-экв. на 1 000 м³',
  },
  'substitutes.heat-coal-boiler.tCo2PerUnit': {
    ru: 'Замещение: тепло угольной котельной',
    en: 'Substitute: heat from a coal boiler',
    unitRu: 'т CO2-экв. на Гкал',
  },
  'substitutes.heat-gas-boiler.tCo2PerUnit': {
    ru: 'Замещение: тепло газовой котельной',
    en: 'Substitute: heat from a gas boiler',
    unitRu: 'т CO2-экв. на Гкал',
  },
  'substitutes.purchased-electricity.tCo2PerUnit': {
    ru: 'Замещение: покупная электроэнергия',
    en: 'Substitute: purchased electricity',
    unitRu: 'т CO2-экв. на МВт·ч',
  },
};

/** The factor's name and the unit to show beside it; undefined for a key this list lacks. */
export function factorName(
  key: string,
  fileUnit: string,
  locale: Locale,
): { name: string; unit: string } | undefined {
  const tariff = RAIL_TARIFF.exec(key);
  if (tariff) {
    const km = tariff[1];
    return locale === 'ru'
      ? {
          name: `Ж/д тариф ТР-1, схема N8: ${km} км`,
          unit: 'руб. за вагон (гружёный рейс, 70 т, уровень 2026)',
        }
      : { name: `Rail tariff ТР-1, scheme N8: ${km} km`, unit: fileUnit };
  }
  const known = names[key];
  if (!known) return undefined;
  return { name: known[locale], unit: locale === 'ru' ? known.unitRu : (known.unitEn ?? fileUnit) };
}

/** The documents a factor's source names by file, and the words of a source's kind. */
export type SourceWord =
  | 'doc:reference'
  | 'doc:facts'
  | 'doc:rail'
  | 'doc:model'
  | 'doc:review'
  | 'doc:definition'
  | 'doc:stoichiometry';

const sourceWords: ReadonlyArray<[RegExp, SourceWord]> = [
  [/(?:docs\/domain\/)?reference-data\.md/g, 'doc:reference'],
  [/kuzbass-facts\.md/g, 'doc:facts'],
  [/data\/reference\/rail-distances\.json/g, 'doc:rail'],
  [/\bmodel value\b/g, 'doc:model'],
  [/\b(?:fidelity|domain) review\b/g, 'doc:review'],
  [/^definition\b/g, 'doc:definition'],
  [/^stoichiometry\b/g, 'doc:stoichiometry'],
];

/**
 * A factor's source as a reader sees it: the platform's own documents by what they are, not
 * by their file names in the repository; the rest (citations, section marks) as published.
 */
export function sourceInWords(source: string, say: (w: SourceWord) => string): string {
  return sourceWords.reduce((text, [pattern, word]) => text.replace(pattern, say(word)), source);
}

/** The keys with a name here (the test compares them with the factors file). */
export const namedFactorKeys = Object.keys(names);
