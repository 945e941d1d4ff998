// The example cluster's knowledge (data/kuzbass/knowledge.json): assets, expertise profiles and
// R&D projects of its universities, institutes and enterprises, and the courses of its
// universities and internships and vacancies of its enterprises, created through the service as
// the platform itself, so that they stand in the journal like everything else.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../model/index.ts';
import type { KnowledgeService } from './service.ts';

const file = fileURLToPath(new URL('../../data/kuzbass/knowledge.json', import.meta.url));

export async function seedKnowledge(
  knowledge: KnowledgeService,
): Promise<{ assets: number; profiles: number; projects: number; openings: number }> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    assets: unknown[];
    profiles: unknown[];
    projects: unknown[];
    openings: unknown[];
  };
  for (const a of data.assets) await knowledge.createAsset(systemActor, a);
  for (const p of data.profiles) await knowledge.createProfile(systemActor, p);
  for (const p of data.projects) await knowledge.createProject(systemActor, p);
  for (const o of data.openings) await knowledge.createOpening(systemActor, o);
  return {
    assets: data.assets.length,
    profiles: data.profiles.length,
    projects: data.projects.length,
    openings: data.openings.length,
  };
}
