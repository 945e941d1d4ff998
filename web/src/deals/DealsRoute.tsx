// Deals' pages by path: #/deals, #/deals/ledger, #/deals/ID.
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { DealPage } from './DealPage.tsx';
import { DealsPage } from './DealsPage.tsx';
import { LedgerPage } from './LedgerPage.tsx';

export function DealsRoute({ id }: { id?: string }) {
  if (!id) return <DealsPage />;
  if (id === 'ledger') return <LedgerPage />;
  return <DealPage key={id} id={id} />;
}
