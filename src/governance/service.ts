// Governance's service: counts a vote with the pure engine.
import { tally } from './engine/index.ts';

export class GovernanceService {
  tally(input: unknown) {
    return tally(input);
  }
}
