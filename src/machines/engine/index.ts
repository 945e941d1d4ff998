// The machines module's pure engine: payload rules, roll-ups, plant KPIs, alarm rules, simulation.

export * from './alarms.ts';
export * from './kpi.ts';
export * from './minute-block.ts';
export * from './payload.ts';
export * from './rollup.ts';
export * from './series-json.ts';
export * from './simulation.ts';
