// The machines module's pure engine: payload rules and roll-ups.
export * from './payload.ts';
export * from './rollup.ts';
