// The alarm rules of each device profile the platform ships (data; evaluated by
// engine/alarms.ts): limits a Kuzbass preparation plant works to. A profile without an
// entry has no alarms.
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
    // a coking-coal concentrate is sold at Ad ≤ 10–11 %: above 11.5 % it is off-grade
    {
      id: 'ash-high',
      key: 'ash_pct',
      severity: 'critical',
      kind: 'threshold',
      max: 11.5,
      // cleared at 11 % or below: the analyser's scatter at the limit does not flap it
      hysteresis: 0.5,
    },
    { id: 'ash-no-data', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 10 },
  ],
  'dense-medium': [
    {
      id: 'density-range',
      key: 'density_kgm3',
      severity: 'warning',
      kind: 'threshold',
      min: 1350,
      max: 1850,
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
    // the Russian safety rules stop work at 1 % CH₄ in a mine's return air
    { id: 'methane-high', key: 'ch4_pct', severity: 'critical', kind: 'threshold', max: 1 },
    { id: 'methane-no-data', key: 'ch4_pct', severity: 'critical', kind: 'no-data', minutes: 5 },
  ],
};

export const alarmRulesOf = (profileId: string): readonly AlarmRule[] =>
  alarmRulesByProfile[profileId] ?? [];
