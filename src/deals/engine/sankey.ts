// Pure: the value chain as a Sankey diagram (issue #10, "Value-chain view"): tonnes flowing
// between kinds of organisation (mining → preparation → power, coke-chemistry, chemistry →
// waste processing, construction materials …), from deliveries (or from deals' contracted
// quantities: the same input shape). Only flows in tonnes are drawn; others are counted in
// `skipped`.
//
// d3-sankey needs a DAG. Each kind has a stage along the chain (`kindStage`); a flow from a
// lower stage to a higher one joins the two kinds' nodes. A flow that does not go forward — a
// back-flow (construction → power) or within a stage (power → power, power → coke) — ends at a
// second node of its target kind, «kind (return)», that has no outgoing links. Every link
// therefore starts at a primary node and goes to a strictly higher stage or to a sink, so the
// graph has no cycle. Mass balance: a kind's outgoing links sum to what its organisations
// delivered; its incoming links (to both its nodes) to what they received.
import { type organisationKinds, organisationKindWords } from '../../model/vocabulary.ts';

/** registry's OrganisationKind, from the shared vocabulary */
export type OrganisationKind = (typeof organisationKinds)[number];

/** A delivery (or a deal) between two organisations. */
export interface SankeyInputFlow {
  providerId: string;
  consumerId: string;
  material: string;
  unit: string;
  quantity: number;
}

/** Position of each kind along the chain; kinds off the material chain come last. */
export const kindStage: Readonly<Record<OrganisationKind, number>> = {
  open_pit: 0,
  underground_mine: 0,
  preparation_plant: 1,
  logistics: 2,
  power_plant: 3,
  coke_chemical: 3,
  chemical: 3,
  waste_processor: 4,
  construction_materials: 5,
  construction: 5,
  university: 6,
  research_institute: 6,
  regional_government: 6,
  platform_operator: 6,
  service_provider: 6,
  other: 6,
};

export interface SankeyNode {
  /** the kind, or `${kind}:return` for the sink of back-flows into that kind */
  id: string;
  kind: OrganisationKind;
  stage: number;
  /** true: the second node of a kind, receiving back-flows only */
  isReturn: boolean;
  label: { ru: string; en: string };
}

export interface SankeyLink {
  source: string;
  target: string;
  valueT: number;
  /** tonnes by material */
  materials: Record<string, number>;
}

export interface ValueChain {
  /** sorted by stage, then kind, primary before return */
  nodes: SankeyNode[];
  /** sorted by source, then target */
  links: SankeyLink[];
  skipped: { notTonnes: number; unknownOrganisation: number };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Nodes and links between kinds; `kindOf` maps organisation id → kind. */
export function valueChain(
  flows: readonly SankeyInputFlow[],
  kindOf: Readonly<Record<string, OrganisationKind>>,
): ValueChain {
  const nodes = new Map<string, SankeyNode>();
  const node = (kind: OrganisationKind, isReturn: boolean) => {
    const id = isReturn ? `${kind}:return` : kind;
    const words = organisationKindWords[kind];
    const n = nodes.get(id) ?? {
      id,
      kind,
      stage: kindStage[kind],
      isReturn,
      label: isReturn
        ? { ru: `${words.ru} (обратный поток)`, en: `${words.en} (return)` }
        : { ru: words.ru, en: words.en },
    };
    nodes.set(id, n);
    return n;
  };
  const links = new Map<string, SankeyLink>();
  const skipped = { notTonnes: 0, unknownOrganisation: 0 };
  for (const f of flows) {
    if (f.unit !== 't') {
      skipped.notTonnes++;
      continue;
    }
    const from = kindOf[f.providerId];
    const to = kindOf[f.consumerId];
    if (!from || !to) {
      skipped.unknownOrganisation++;
      continue;
    }
    if (f.quantity === 0) continue;
    const source = node(from, false);
    const target = node(to, kindStage[to] <= kindStage[from]);
    const key = `${source.id}\u0000${target.id}`;
    const link = links.get(key) ?? {
      source: source.id,
      target: target.id,
      valueT: 0,
      materials: {},
    };
    link.valueT += f.quantity;
    link.materials[f.material] = (link.materials[f.material] ?? 0) + f.quantity;
    links.set(key, link);
  }
  return {
    nodes: [...nodes.values()].sort(
      (a, b) => a.stage - b.stage || cmp(a.kind, b.kind) || Number(a.isReturn) - Number(b.isReturn),
    ),
    links: [...links.values()].sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target)),
    skipped,
  };
}
