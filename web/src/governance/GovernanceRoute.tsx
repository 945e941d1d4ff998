// Governance's pages by path: #/governance, #/governance/new, #/governance/ID.
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { GovernancePage } from './GovernancePage.tsx';
import { NewProposal } from './NewProposal.tsx';
import { ProposalPage } from './ProposalPage.tsx';

export function GovernanceRoute({ id }: { id?: string }) {
  if (!id) return <GovernancePage />;
  if (id === 'new') return <NewProposal />;
  return <ProposalPage key={id} id={id} />;
}
