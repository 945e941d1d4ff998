// The deals module's pure engines: negotiation, ledger postings, transaction costs, the impact
// ledger, mass balance and form 2-TP rows, the value chain's Sankey data.
export * from './balance.ts';
export * from './costs.ts';
export * from './impact.ts';
export * from './ledger.ts';
export * from './licences.ts';
export * from './negotiation.ts';
export * from './sankey.ts';
export * from './vat.ts';
