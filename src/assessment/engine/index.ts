// The assessment's pure engines: typology placement (and, beside it, network metrics).

export * from './decree779.ts';
export * from './network.ts';
export * from './network-signals.ts';
export * from './readiness.ts';
export * from './snapshot.ts';
export * from './sustainability.ts';
export * from './territory.ts';
export * from './typology.ts';
