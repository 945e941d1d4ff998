import { lazy, Suspense, useEffect } from 'react';
import { ListingPage } from './exchange/ListingPage.tsx';
import { Marketplace } from './exchange/Marketplace.tsx';
import { Matches } from './exchange/matches/Matches.tsx';
import { PlanPage } from './exchange/plan/PlanPage.tsx';
import { useT } from './i18n/index.ts';
import { KnowledgeRoute } from './knowledge/KnowledgeRoute.tsx';
import { Account } from './registry/Account.tsx';
import { ApplicationStatus } from './registry/ApplicationStatus.tsx';
import { Apply, ApplyAgain } from './registry/Apply.tsx';
import { DataPage } from './registry/DataPage.tsx';
import { Invitation } from './registry/Invitation.tsx';
import { Overview } from './registry/Overview.tsx';
import { Participant } from './registry/Participant.tsx';
import { Participants } from './registry/Participants.tsx';
import { PasswordReset } from './registry/PasswordReset.tsx';
import { shellDict } from './shell/dict.ts';
import { Header } from './shell/Header.tsx';
import { Login } from './shell/Login.tsx';
import { PageFailure } from './shell/PageFailure.tsx';
import { useRoute } from './shell/router.ts';
import { Empty, Loading } from './shell/ui.tsx';

// The later modules' pages load with their first visit: the initial bundle stays small (DESIGN:
// web budget), and what they import (their schemas, charts) stays out of it.
const AssessmentPage = lazy(() =>
  import('./assessment/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
const DealsRoute = lazy(() =>
  import('./deals/DealsRoute.tsx').then((m) => ({ default: m.DealsRoute })),
);
const FlowsPage = lazy(() =>
  import('./deals/FlowsPage.tsx').then((m) => ({ default: m.FlowsPage })),
);
const ImpactPage = lazy(() =>
  import('./deals/ImpactPage.tsx').then((m) => ({ default: m.ImpactPage })),
);
const GovernanceRoute = lazy(() =>
  import('./governance/GovernanceRoute.tsx').then((m) => ({ default: m.GovernanceRoute })),
);
const PlantPage = lazy(() =>
  import('./machines/PlantPage.tsx').then((m) => ({ default: m.PlantPage })),
);
// a member's own organisation and the operator's admission desk: read by few, after logging in
const MyOrganisation = lazy(() =>
  import('./registry/MyOrganisation.tsx').then((m) => ({ default: m.MyOrganisation })),
);
// the listing form (its sections, checks and the FKKO look-up) is read by members who list
const ListingEditor = lazy(() =>
  import('./exchange/listing-form/ListingEditor.tsx').then((m) => ({ default: m.ListingEditor })),
);
const Admission = lazy(() =>
  import('./registry/Admission.tsx').then((m) => ({ default: m.Admission })),
);

function NotFound() {
  const t = useT(shellDict);
  return (
    <Empty title={t('notFoundTitle')}>
      {t('notFoundText')} <a href="#/">{t('backHome')}</a>
    </Empty>
  );
}

function Page({ path }: { path: string[] }) {
  const [first, second, third] = path;
  switch (first) {
    case undefined:
      return <Overview />;
    case 'participants':
      return second ? <Participant key={second} id={second} /> : <Participants />;
    case 'apply':
      return <Apply />;
    case 'application':
      if (!second || (third && third !== 'again')) return <NotFound />;
      return third ? (
        <ApplyAgain key={second} token={second} />
      ) : (
        <ApplicationStatus key={second} token={second} />
      );
    case 'login':
      return <Login />;
    case 'admin':
      return second === 'applications' ? <Admission /> : <NotFound />;
    case 'organisation':
      return <MyOrganisation key={second ?? ''} id={second} />;
    case 'account':
      return <Account />;
    case 'reset':
      return second ? <PasswordReset key={second} token={second} /> : <NotFound />;
    case 'invitation':
      return second ? <Invitation token={second} /> : <NotFound />;
    case 'data':
      return <DataPage />;
    case 'marketplace':
      if (!second) return <Marketplace />;
      if (second === 'new') return <ListingEditor />;
      if (third === 'edit') return <ListingEditor key={second} id={second} />;
      return third ? <NotFound /> : <ListingPage key={second} id={second} />;
    case 'plan':
      return <PlanPage />;
    case 'matches':
      return <Matches />;
    case 'plant':
      return second ? <NotFound /> : <PlantPage />;
    case 'knowledge':
      return <KnowledgeRoute key={path.join('/')} type={second} id={third} />;
    case 'assessment':
      return second ? <NotFound /> : <AssessmentPage />;
    case 'deals':
      return third ? <NotFound /> : <DealsRoute key={second ?? ''} id={second} />;
    case 'flows':
      return second ? <NotFound /> : <FlowsPage />;
    case 'impact':
      return second ? <NotFound /> : <ImpactPage />;
    case 'governance':
      return third ? <NotFound /> : <GovernanceRoute key={second ?? ''} id={second} />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const path = useRoute();
  const t = useT(shellDict);
  const key = path.join('/');
  useEffect(() => {
    // a new page starts at the top
    if (key !== undefined) window.scrollTo(0, 0);
  }, [key]);
  return (
    <>
      <button
        type="button"
        className="skip-link"
        onClick={() => document.getElementById('main')?.focus()}
      >
        {t('skip')}
      </button>
      <Header section={path[0] ?? ''} />
      <main id="main" className="container" tabIndex={-1}>
        <PageFailure key={key}>
          <Suspense fallback={<Loading />}>
            <Page path={path} />
          </Suspense>
        </PageFailure>
      </main>
      <footer className="footer">
        <div className="container">
          <span>{t('footer')}</span>
          <a href="/api/docs">{t('apiDocs')}</a>
        </div>
      </footer>
    </>
  );
}
