// The governance module's schemas: the tally's engine format (engine/input.ts).
export * from './engine/input.ts';
