// The deals module's pure engines (this file lists negotiation and ledger; the lead adds the others).
export * from './ledger.ts';
export * from './negotiation.ts';
