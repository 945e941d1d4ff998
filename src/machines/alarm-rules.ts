// The alarm rules of each device profile the platform ships (data; evaluated by
// engine/alarms.ts): limits a Kuzbass preparation plant works to, the ash and the medium
// density relative to the plant's own targets. A profile without an entry has no alarms.
import type { AlarmRule } from './engine/alarms.ts';

export const alarmRulesByProfile: Readonly<Record<string, readonly AlarmRule[]>> = {
  'belt-scale': [
    {
      id: 'belt-no-data',
      key: 'throughput_tph',
      severity: 'warning',
      kind: 'no-data',
      minutes: 10,
    },
  ],
  'ash-analyser': [
    // The concentrate's ash against the plant's own target (PlantRecord.ashTargetPct): a
    // coking concentrate is made to Ad ≈ 8–10 %, a thermal-coal one to 12–20 %, so a fixed
    // limit is right for one and always tripped for the other. These rules follow the
    // target of the plant whose ash analyser the device is; another ash analyser (raw coal,
    // tailings) or a plant without a target raises nothing by them. The margins are an
    // estimate (no source on this machine; an organisation sets its own):
    //   critical target + 1.5 pp: a lot this far above its grade's ash is priced down or
    //            refused (the shipped rule had 11.5 % for a coking target of ≈ 10 %)
    //   warning  target + 1.0 pp: beyond the scatter of an online analyser's readings
    //            against the laboratory's (about ±0.5 pp), so it means a drift, not noise
    // each cleared 0.5 pp back inside: the analyser's scatter at the limit does not flap it
    {
      id: 'ash-high',
      key: 'ash_pct',
      severity: 'critical',
      kind: 'threshold',
      relativeTo: 'target',
      max: 1.5,
      hysteresis: 0.5,
    },
    {
      id: 'ash-above-target',
      key: 'ash_pct',
      severity: 'warning',
      kind: 'threshold',
      relativeTo: 'target',
      max: 1,
      hysteresis: 0.5,
    },
    { id: 'ash-no-data', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 10 },
  ],
  'dense-medium': [
    // The medium's density against the plant's target (PlantRecord.densityTargetKgm3): it
    // sets the cut point of the separation, and is held to about ±10–20 kg/m³ of it; a drift
    // of a few tens of kg/m³ moves the cut enough to cost yield (density high: rock into
    // the concentrate, its ash up) or concentrate (density low: coal into the rejects).
    //   warning  ± 20 kg/m³: outside the band the medium is normally held to
    //   critical ± 50 kg/m³: the cut point has moved far enough to spoil yield or ash
    // each cleared 5 kg/m³ back inside (a densimeter's minute scatter is a few kg/m³).
    // The margins are an estimate from common practice, not from a source on this machine.
    {
      id: 'density-off-target',
      key: 'density_kgm3',
      severity: 'warning',
      kind: 'threshold',
      relativeTo: 'target',
      min: -20,
      max: 20,
      hysteresis: 5,
    },
    {
      id: 'density-far-off-target',
      key: 'density_kgm3',
      severity: 'critical',
      kind: 'threshold',
      relativeTo: 'target',
      min: -50,
      max: 50,
      hysteresis: 5,
    },
    { id: 'density-jump', key: 'density_kgm3', severity: 'warning', kind: 'rate', perMinute: 40 },
  ],
  thickener: [
    {
      id: 'rake-torque-high',
      key: 'rake_torque_pct',
      severity: 'critical',
      kind: 'threshold',
      max: 70,
    },
  ],
  'methane-sensor': [
    // critical above 1 %: the Russian coal-mine safety rules (ФНП «Правила безопасности в
    // угольных шахтах», Rostekhnadzor order No. 507 of 8 Dec 2020) allow at most 1 % CH₄ in
    // the return air of a face or a district; above it work stops and power is cut.
    // warning above 0.5 %: an early warning, as mine gas monitoring sets a warning level
    // below the cut-off; 0.5 % is the limit the same rules set for a face's intake air (the
    // level chosen as a warning is an estimate, not a setpoint the rules prescribe)
    { id: 'methane-high', key: 'ch4_pct', severity: 'critical', kind: 'threshold', max: 1 },
    { id: 'methane-rising', key: 'ch4_pct', severity: 'warning', kind: 'threshold', max: 0.5 },
    { id: 'methane-no-data', key: 'ch4_pct', severity: 'critical', kind: 'no-data', minutes: 5 },
  ],
};

export const alarmRulesOf = (profileId: string): readonly AlarmRule[] =>
  alarmRulesByProfile[profileId] ?? [];
