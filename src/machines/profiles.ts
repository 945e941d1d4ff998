// The device profiles the platform ships: the instruments of a Kuzbass coal preparation
// plant and its mine (data, checked against the DeviceProfile schema by the unit test).
// Each key has two ranges: `min`–`max`, what the plant expects (a reading outside it is
// news, for alarms and charts, and must be stored), and `limitMin`–`limitMax`, what the
// instrument can read at all (a value outside it is a fault or a forgery and is refused at
// ingest). A weighbridge's limits are its capacity: a lot heavier than that was not weighed.
import type { DeviceProfile } from './schema.ts';

const year = 366;

export const deviceProfiles: readonly DeviceProfile[] = [
  {
    id: 'belt-scale',
    name: 'Конвейерные весы',
    nameEn: 'Belt scale',
    keys: [
      {
        key: 'throughput_tph',
        unit: 't/h',
        label: 'Производительность',
        labelEn: 'Throughput',
        min: 0,
        max: 2500,
        // a belt scale's integrator reads a little below zero at zero drift or with a stopped
        // belt running back: 1 % of the 10 000 t/h span is many times either. −900 t/h was
        // taken before and, netted against +901 in the next minute, made 6 000 kWh/t (probe)
        limitMin: -100,
        limitMax: 10_000,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'ash-analyser',
    name: 'Поточный золомер',
    nameEn: 'Online ash analyser',
    keys: [
      {
        key: 'ash_pct',
        unit: '%',
        label: 'Зольность Ad',
        labelEn: 'Ash Ad',
        min: 0,
        max: 60,
        limitMin: 0,
        limitMax: 100,
      },
      {
        key: 'moisture_pct',
        unit: '%',
        label: 'Влажность',
        labelEn: 'Moisture',
        min: 0,
        max: 30,
        limitMin: 0,
        limitMax: 100,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'moisture-meter',
    name: 'Влагомер',
    nameEn: 'Moisture meter',
    keys: [
      {
        key: 'moisture_pct',
        unit: '%',
        label: 'Влажность',
        labelEn: 'Moisture',
        min: 0,
        max: 30,
        limitMin: 0,
        limitMax: 100,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'dense-medium',
    name: 'Плотномер тяжелосредной суспензии',
    nameEn: 'Dense-medium densimeter',
    keys: [
      {
        key: 'density_kgm3',
        unit: 'kg/m³',
        label: 'Плотность суспензии',
        labelEn: 'Medium density',
        min: 1300,
        max: 1900,
        limitMin: 0,
        limitMax: 3000,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'flotation-cell',
    name: 'Флотомашина',
    nameEn: 'Flotation cell',
    keys: [
      {
        key: 'froth_level_mm',
        unit: 'mm',
        label: 'Уровень пены',
        labelEn: 'Froth level',
        min: 50,
        max: 400,
        limitMin: 0,
        limitMax: 2000,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'thickener',
    name: 'Радиальный сгуститель',
    nameEn: 'Thickener',
    keys: [
      {
        key: 'rake_torque_pct',
        unit: '%',
        label: 'Момент на граблях',
        labelEn: 'Rake torque',
        min: 0,
        max: 80,
        limitMin: 0,
        limitMax: 200,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'methane-sensor',
    name: 'Датчик метана',
    nameEn: 'Methane sensor',
    // 0–2.5 %: the range of the usual thermocatalytic mine methane sensors (others read to
    // 4 %); a chart to 1 % would cut off the readings that matter, those at and above the
    // 1 % limit (estimate: the range of a sensor type, not of a given instrument)
    keys: [
      {
        key: 'ch4_pct',
        unit: '%',
        label: 'Метан',
        labelEn: 'Methane',
        min: 0,
        max: 2.5,
        limitMin: 0,
        limitMax: 100,
      },
    ],
    retentionDays: 3 * year,
  },
  {
    id: 'mine-water-flow',
    name: 'Расходомер шахтной воды',
    nameEn: 'Mine-water flow meter',
    keys: [
      {
        key: 'flow_m3h',
        unit: 'm³/h',
        label: 'Расход воды',
        labelEn: 'Water flow',
        min: 0,
        max: 3000,
        limitMin: 0,
        limitMax: 20_000,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'power-meter',
    name: 'Счётчик электроэнергии',
    nameEn: 'Power meter',
    keys: [
      {
        key: 'power_kw',
        unit: 'kW',
        label: 'Мощность',
        labelEn: 'Power',
        min: 0,
        max: 20_000,
        limitMin: 0,
        limitMax: 200_000,
      },
    ],
    retentionDays: year,
  },
  {
    id: 'weighbridge',
    name: 'Автомобильные / вагонные весы',
    nameEn: 'Weighbridge',
    keys: [
      {
        key: 'gross_t',
        unit: 't',
        label: 'Брутто',
        labelEn: 'Gross',
        min: 0,
        max: 200,
        limitMin: 0,
        limitMax: 200,
      },
      {
        key: 'tare_t',
        unit: 't',
        label: 'Тара',
        labelEn: 'Tare',
        min: 0,
        max: 100,
        limitMin: 0,
        limitMax: 100,
      },
      {
        key: 'net_t',
        unit: 't',
        label: 'Нетто',
        labelEn: 'Net',
        min: 0,
        max: 150,
        limitMin: 0,
        limitMax: 150,
      },
    ],
    retentionDays: 5 * year,
  },
];

export const profileById = (id: string): DeviceProfile | undefined =>
  deviceProfiles.find((p) => p.id === id);
