// The ecosystem network's input format (`digicluster network FILE`) and the compact graph the
// metrics run on: an undirected weighted graph in CSR form over typed arrays, no per-node
// objects. Semantics are networkx's `Graph` (see docs of `buildGraph`).
import { z } from 'zod';

const id = z.string().min(1, 'must be a non-empty string');

export const networkInputSchema = z.object({
  nodes: z.array(z.object({ id }).passthrough()),
  edges: z.array(
    z
      .object({
        source: id,
        target: id,
        /** > 0; an edge that never states one weighs 1 */
        weight: z.number().finite('must be finite').gt(0, 'must be > 0').optional(),
      })
      .passthrough(),
  ),
});

export type NetworkInput = z.input<typeof networkInputSchema>;

/** Input the engine cannot read: the message names the field and the rule. */
export class NetworkInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'NetworkInputError';
  }
}

/**
 * An undirected weighted graph, nodes 0..n−1 in input order. `offsets`/`targets`/`weights`
 * are its adjacency in CSR form: node u's neighbours are targets[offsets[u] .. offsets[u+1]).
 * Every edge u–v (u ≠ v) appears twice (u→v and v→u); a self-loop u–u appears once, in u's
 * list, as networkx's `G[u]` holds it; `loop[u]` is 1 when u has one.
 */
export interface Graph {
  readonly ids: readonly string[];
  readonly n: number;
  /** distinct edges, self-loops included (networkx `number_of_edges`) */
  readonly edgeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly loop: Uint8Array;
}

/**
 * Builds the graph the way networkx builds a `Graph`: nodes in the listed order; each edge in
 * turn, `add_edge(source, target, weight=w)` when it states a weight, `add_edge(source,
 * target)` when it does not. So an edge given twice (either direction) is one edge carrying
 * the weight stated last (a repeat without a weight keeps the earlier one; never stated: 1).
 * A self-loop is an edge: it counts 2 in a node's degree (networkx `G.degree`), once in
 * `number_of_edges` (density), once on the adjacency matrix's diagonal (PageRank,
 * eigenvector), and never in a shortest path. An edge naming a node not listed is an error
 * (networkx would add the node silently), as is a node listed twice.
 */
export function buildGraph(input: unknown): Graph {
  const parsed = networkInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new NetworkInputError(`${path || 'input'}: ${issue.message}`, path);
  }
  const { nodes, edges } = parsed.data;
  const ids = nodes.map((node) => node.id);
  const index = new Map<string, number>();
  ids.forEach((nodeId, i) => {
    if (index.has(nodeId))
      throw new NetworkInputError(
        `nodes.${i}.id: node "${nodeId}" is listed twice`,
        `nodes.${i}.id`,
      );
    index.set(nodeId, i);
  });
  const n = ids.length;
  const edgeOf = new Map<number, number>();
  const src: number[] = [];
  const dst: number[] = [];
  const wt: number[] = [];
  edges.forEach((edge, i) => {
    const u = index.get(edge.source);
    const v = index.get(edge.target);
    if (u === undefined)
      throw new NetworkInputError(
        `edges.${i}.source: node "${edge.source}" is not in nodes`,
        `edges.${i}.source`,
      );
    if (v === undefined)
      throw new NetworkInputError(
        `edges.${i}.target: node "${edge.target}" is not in nodes`,
        `edges.${i}.target`,
      );
    const a = Math.min(u, v);
    const b = Math.max(u, v);
    const key = a * n + b;
    const known = edgeOf.get(key);
    if (known === undefined) {
      edgeOf.set(key, src.length);
      src.push(a);
      dst.push(b);
      wt.push(edge.weight ?? Number.NaN);
    } else if (edge.weight !== undefined) wt[known] = edge.weight;
  });
  return fromEdges(ids, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(wt));
}

/**
 * The CSR graph from distinct edges (no edge twice; NaN weight: 1), each node's neighbours in
 * the order its edges were given. For generated graphs (bench, tests) without the JSON step.
 */
export function fromEdges(
  ids: readonly string[],
  src: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
): Graph {
  const n = ids.length;
  const m = src.length;
  const loop = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    offsets[a + 1]! += 1;
    if (a !== b) offsets[b + 1]! += 1;
    else loop[a] = 1;
  }
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let e = 0; e < m; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    const w = Number.isNaN(weight[e]!) ? 1 : weight[e]!;
    let at = fill[a]!++;
    targets[at] = b;
    weights[at] = w;
    if (a !== b) {
      at = fill[b]!++;
      targets[at] = a;
      weights[at] = w;
    }
  }
  return { ids, n, edgeCount: m, offsets, targets, weights, loop };
}
