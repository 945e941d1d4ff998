// Hand-built clusters for the typology's tests and the CLI's examples: one of each form the
// paper's table describes. Plain data in the snapshot format; no randomness.
import type { SnapshotInput } from './snapshot.ts';

type Org = SnapshotInput['organisations'][number];
type Tie = NonNullable<SnapshotInput['ties']>[number];

const months = (n: number) =>
  Array.from({ length: n }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-15`);

/**
 * A territorial cluster: every member in one agglomeration of one region, deals made on paper,
 * no knowledge exchange on record, a dominant firm, decisions taken by the hierarchy.
 */
export function territorialCluster(): SnapshotInput {
  const organisations: Org[] = [
    {
      id: 'mine-1',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'mine-2',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'mine-3',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'plant',
      kind: 'preparation_plant',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    { id: 'power', kind: 'power_plant', region: 'kemerovo-oblast', agglomeration: 'novokuznetsk' },
    { id: 'uni', kind: 'university', region: 'kemerovo-oblast', agglomeration: 'novokuznetsk' },
  ].map((o) => ({ ...o, joined: '2012-01-10' }));
  const ties: Tie[] = months(6).flatMap((at) => [
    { source: 'mine-1', target: 'plant', layer: 'exchange', value: 900, onPlatform: false, at },
    { source: 'mine-2', target: 'plant', layer: 'exchange', value: 50, onPlatform: false, at },
    { source: 'plant', target: 'power', layer: 'exchange', value: 100, onPlatform: false, at },
  ]);
  return {
    organisations,
    ties,
    decisions: months(4).map((at) => ({ at, by: 'keystone' as const })),
    keystones: [],
    sustainability: { environmental: 0.05, economic: 0.9, social: 0.1 },
  };
}

/**
 * A digital cluster: members in two agglomerations and one from another region, most deals
 * negotiated on the platform, some knowledge exchange, a founding keystone that never changed,
 * decisions partly by member vote.
 */
export function digitalCluster(): SnapshotInput {
  const organisations: Org[] = [
    {
      id: 'mine-1',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'mine-2',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'kemerovo',
    },
    {
      id: 'mine-3',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'kemerovo',
    },
    {
      id: 'mine-4',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'plant',
      kind: 'preparation_plant',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    { id: 'power', kind: 'power_plant', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    {
      id: 'cement',
      kind: 'construction_materials',
      region: 'kemerovo-oblast',
      agglomeration: 'kemerovo',
    },
    {
      id: 'recycler',
      kind: 'waste_processor',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    { id: 'chem', kind: 'chemical', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    { id: 'uni', kind: 'university', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    { id: 'logistics', kind: 'logistics', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    { id: 'trader', kind: 'service_provider', region: 'novosibirsk-oblast', agglomeration: null },
  ].map((o) => ({ ...o, joined: '2018-05-01' }));
  const ties: Tie[] = months(6).flatMap((at) => [
    { source: 'mine-1', target: 'plant', layer: 'exchange', value: 300, onPlatform: true, at },
    { source: 'mine-2', target: 'power', layer: 'exchange', value: 200, onPlatform: true, at },
    { source: 'power', target: 'cement', layer: 'exchange', value: 150, onPlatform: true, at },
    { source: 'plant', target: 'recycler', layer: 'exchange', value: 100, onPlatform: false, at },
    { source: 'mine-2', target: 'chem', layer: 'exchange', value: 100, onPlatform: true, at },
    { source: 'chem', target: 'logistics', layer: 'exchange', value: 50, onPlatform: false, at },
    { source: 'mine-3', target: 'power', layer: 'exchange', value: 100, onPlatform: true, at },
    { source: 'mine-4', target: 'plant', layer: 'exchange', value: 50, onPlatform: false, at },
  ]);
  ties.push(
    { source: 'uni', target: 'plant', layer: 'knowledge', onPlatform: false, at: '2026-02-10' },
    { source: 'plant', target: 'mine-1', layer: 'knowledge', onPlatform: false, at: '2026-03-10' },
    { source: 'mine-1', target: 'mine-2', layer: 'knowledge', onPlatform: false, at: '2026-03-20' },
    { source: 'power', target: 'cement', layer: 'knowledge', onPlatform: true, at: '2026-04-10' },
    { source: 'chem', target: 'trader', layer: 'knowledge', onPlatform: false, at: '2026-05-10' },
    {
      source: 'recycler',
      target: 'mine-2',
      layer: 'knowledge',
      onPlatform: true,
      at: '2026-05-20',
    },
    { source: 'mine-1', target: 'power', layer: 'governance', onPlatform: true, at: '2026-03-01' },
  );
  return {
    organisations,
    ties,
    decisions: [
      { at: '2026-02-01', by: 'member_vote' },
      { at: '2026-03-01', by: 'keystone' },
      { at: '2026-04-01', by: 'member_vote' },
      { at: '2026-05-01', by: 'keystone_veto' },
      { at: '2026-06-01', by: 'operator' },
    ],
    keystones: [{ organisation: 'plant', from: '2025-01-01' }],
    sustainability: { environmental: 0.6, economic: 0.8, social: 0.4 },
  };
}

/**
 * A business ecosystem: members across agglomerations and regions (those from other regions
 * new this year), every deal and most knowledge exchange on the platform, universities and
 * institutes as partners, firms of one kind cooperating and competing, a keystone that has
 * changed, decisions by member vote.
 */
export function businessEcosystem(): SnapshotInput {
  const organisations: Org[] = [
    {
      id: 'mine-1',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    {
      id: 'mine-2',
      kind: 'underground_mine',
      region: 'kemerovo-oblast',
      agglomeration: 'leninsk-belovo',
    },
    {
      id: 'plant',
      kind: 'preparation_plant',
      region: 'kemerovo-oblast',
      agglomeration: 'novokuznetsk',
    },
    { id: 'power', kind: 'power_plant', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    {
      id: 'cement',
      kind: 'construction_materials',
      region: 'krasnoyarsk-krai',
      agglomeration: null,
    },
    {
      id: 'recycler',
      kind: 'waste_processor',
      region: 'kemerovo-oblast',
      agglomeration: 'kemerovo',
    },
    { id: 'chem', kind: 'chemical', region: 'novosibirsk-oblast', agglomeration: null },
    { id: 'uni', kind: 'university', region: 'kemerovo-oblast', agglomeration: 'kemerovo' },
    { id: 'institute', kind: 'research_institute', region: 'tomsk-oblast', agglomeration: null },
    {
      id: 'ministry',
      kind: 'regional_government',
      region: 'kemerovo-oblast',
      agglomeration: 'kemerovo',
    },
  ].map((o) => ({
    ...o,
    // members from other regions joined this year: the membership is fluid
    joined: o.agglomeration === null ? '2026-02-01' : '2016-03-01',
  }));
  const ties: Tie[] = months(6).flatMap((at) => [
    { source: 'mine-1', target: 'plant', layer: 'exchange', value: 200, onPlatform: true, at },
    { source: 'mine-2', target: 'power', layer: 'exchange', value: 200, onPlatform: true, at },
    { source: 'power', target: 'cement', layer: 'exchange', value: 200, onPlatform: true, at },
    { source: 'plant', target: 'recycler', layer: 'exchange', value: 150, onPlatform: true, at },
    { source: 'mine-2', target: 'chem', layer: 'exchange', value: 150, onPlatform: true, at },
    // the two mines share knowledge and compete to supply the plant: both
    { source: 'mine-2', target: 'plant', layer: 'exchange', value: 50, onPlatform: true, at },
    { source: 'mine-1', target: 'mine-2', layer: 'knowledge', onPlatform: true, at },
    { source: 'uni', target: 'plant', layer: 'knowledge', onPlatform: true, at },
    { source: 'institute', target: 'chem', layer: 'knowledge', onPlatform: true, at },
    { source: 'uni', target: 'recycler', layer: 'knowledge', onPlatform: true, at },
    { source: 'ministry', target: 'power', layer: 'knowledge', onPlatform: true, at },
    { source: 'cement', target: 'institute', layer: 'knowledge', onPlatform: false, at },
    { source: 'mine-1', target: 'ministry', layer: 'governance', onPlatform: true, at },
    { source: 'chem', target: 'uni', layer: 'governance', onPlatform: true, at },
  ]);
  return {
    organisations,
    ties,
    decisions: months(6).map((at, i) => ({
      at,
      by: i === 2 ? ('operator' as const) : ('member_vote' as const),
    })),
    keystones: [
      { organisation: 'plant', from: '2024-01-01', to: '2026-03-01' },
      { organisation: 'power', from: '2026-03-01' },
    ],
    sustainability: { environmental: 0.7, economic: 0.75, social: 0.65 },
  };
}
