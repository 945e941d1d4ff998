// The knowledge section's pages by path: #/knowledge, #/knowledge/asset|profile|project/ID,
// #/knowledge/potential, #/knowledge/new (publish).
import { useT } from '../i18n/index.ts';
import { shellDict } from '../shell/dict.ts';
import { Empty } from '../shell/ui.tsx';
import { KnowledgePage } from './KnowledgePage.tsx';
import { PotentialPage } from './PotentialPage.tsx';
import { PublishPage } from './PublishPage.tsx';
import { AssetPage, ProfilePage, ProjectPage } from './RecordPages.tsx';

export function KnowledgeRoute({ type, id }: { type?: string; id?: string }) {
  const t = useT(shellDict);
  if (!type) return <KnowledgePage />;
  if (type === 'potential' && !id) return <PotentialPage />;
  if (type === 'new' && !id) return <PublishPage />;
  if (id && type === 'asset') return <AssetPage id={id} />;
  if (id && type === 'profile') return <ProfilePage id={id} />;
  if (id && type === 'project') return <ProjectPage id={id} />;
  return <Empty title={t('notFoundTitle')}>{t('notFoundText')}</Empty>;
}
