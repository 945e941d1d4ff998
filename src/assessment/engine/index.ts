// The assessment's pure engines: typology placement (and, beside it, network metrics).

export * from './readiness.ts';
export * from './snapshot.ts';
export * from './typology.ts';
