// Governance's public surface: the vote count and participation figures.
export * from './engine/index.ts';
export { GovernanceService } from './service.ts';
