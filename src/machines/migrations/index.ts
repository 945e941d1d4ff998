import type { Migration } from 'kysely/migration';
import * as machines from './2026-11-29-13-machines.ts';
import * as plant from './2026-11-30-17-plant.ts';
import * as grants from './2026-11-30-18-grants.ts';
import * as alarmRules from './2026-11-30-26-alarm-rules.ts';
import * as minuteBlocks from './2026-11-30-27-minute-blocks.ts';
import * as plantPower from './2026-12-03-30-machines-plant-power.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-13-machines': machines,
  '2026-11-30-17-plant': plant,
  '2026-11-30-18-grants': grants,
  '2026-11-30-26-alarm-rules': alarmRules,
  '2026-11-30-27-minute-blocks': minuteBlocks,
  '2026-12-03-30-machines-plant-power': plantPower,
};
