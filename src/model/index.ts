// The shared vocabulary every module uses: who acts, ids, errors, messages, money, validation.
export * from './actor.ts';
export * from './cells.ts';
export * from './common.ts';
export * from './common-messages.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './identifiers.ts';
export * from './issues.ts';
export * from './messages.ts';
export * from './money.ts';
export * from './password.ts';
export * from './policy.ts';
export * from './validate.ts';
