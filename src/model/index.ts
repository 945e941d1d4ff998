export * from './access.ts';
export * from './errors.ts';
export * from './exchange.ts';
export * from './identifiers.ts';
export * from './material.ts';
export * from './registry.ts';
export * from './transfer.ts';
export * from './validate.ts';
