#!/usr/bin/env python3
"""Writes data/fixtures/network/*.json: graphs in the `digicluster network` input format and
networkx's values for them at tight tolerances, which src/assessment/engine/network.test.ts
matches to 1e-9 (Louvain, a heuristic: modularity within 0.02).

Run: python3 scripts/networkx-fixtures.py   (networkx 3.6.1 made the committed files)

The graph is built the way the engine reads its input (networkx Graph semantics): nodes in
the listed order, then each edge in turn with `G.add_edge(source, target, weight=w)` when it
states a weight and `G.add_edge(source, target)` when it does not, so a repeated edge keeps
the last weight stated (an edge without one keeps the earlier weight, or 1).
"""
import json
import os
import random
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'fixtures', 'network')
SEED = 14


def build(spec):
    g = nx.Graph()
    g.add_nodes_from(n['id'] for n in spec['nodes'])
    for e in spec['edges']:
        if 'weight' in e:
            g.add_edge(e['source'], e['target'], weight=e['weight'])
        else:
            g.add_edge(e['source'], e['target'])
    return g


def community_index(partition, nodes):
    """Communities numbered by their first node in node order (the engine's convention)."""
    of = {}
    for i, c in enumerate(partition):
        for v in c:
            of[v] = i
    order = {}
    for v in nodes:
        order.setdefault(of[v], len(order))
    return {v: order[of[v]] for v in nodes}


def values(name, spec, note):
    g = build(spec)
    nodes = list(g)
    n = len(nodes)
    degree = nx.degree_centrality(g)
    betweenness = nx.betweenness_centrality(g, normalized=True)
    closeness = nx.closeness_centrality(g, wf_improved=True)
    pagerank = nx.pagerank(g, alpha=0.85, weight='weight', tol=1e-15, max_iter=100000)
    eigenvector = nx.eigenvector_centrality(g, weight='weight', tol=1e-15, max_iter=1000000)
    has_weight = g.size(weight='weight') > 0
    louvain = nx.community.louvain_communities(g, weight='weight', seed=SEED) if n else []
    community = community_index(louvain, nodes)
    result = {
        'name': name,
        'note': note,
        'networkx': nx.__version__,
        'input': spec,
        'expected': {
            'nodes': [
                {
                    'id': v,
                    'degree': degree[v],
                    'betweenness': betweenness[v],
                    'closeness': closeness[v],
                    'pagerank': pagerank[v],
                    'eigenvector': eigenvector[v],
                    'networkxCommunity': community[v],
                }
                for v in nodes
            ],
            'density': nx.density(g),
            'edges': g.number_of_edges(),
            # modularity of networkx's own Louvain partition: the function is matched to 1e-9
            # on it, and the engine's Louvain must come within 0.02 of it
            'networkxLouvainModularity': nx.community.modularity(g, louvain, weight='weight')
            if has_weight
            else None,
        },
    }
    return result


def spec_of(g, weighted):
    nodes = [{'id': str(v)} for v in g.nodes]
    edges = []
    for u, v, d in g.edges(data=True):
        e = {'source': str(u), 'target': str(v)}
        if weighted:
            e['weight'] = d['weight']
        edges.append(e)
    return {'nodes': nodes, 'edges': edges}


def cases():
    rnd = random.Random(SEED)

    yield 'path', 'a path of 7 nodes', spec_of(nx.path_graph(7), False)

    yield 'star', 'a star: hub and 8 leaves', spec_of(nx.star_graph(8), False)

    # two components of different sizes plus isolates
    g = nx.Graph()
    g.add_nodes_from(range(14))
    g.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3)])  # 6 nodes
    g.add_edges_from([(6, 7), (7, 8), (8, 9), (6, 9), (6, 8)])  # 4 nodes, denser
    # 10..13 isolates
    yield 'disconnected', 'two components (6 and 4 nodes) and 4 isolates', spec_of(g, False)

    # equal largest eigenvalues in two components: the vector is shared between them
    g = nx.Graph()
    g.add_edges_from([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (6, 7), (7, 8), (8, 9)])
    g.add_edge(0, 1, weight=2)
    g.add_edge(3, 4, weight=2)
    yield 'twins', 'two identical weighted triangles and a path: tied eigenvalues', spec_of(g, False) | {
        'edges': [
            {'source': str(u), 'target': str(v), **({'weight': d['weight']} if 'weight' in d else {})}
            for u, v, d in g.edges(data=True)
        ]
    }

    g = nx.Graph()
    g.add_nodes_from(range(5))
    yield 'isolates', 'five nodes, no edges', spec_of(g, False)

    yield 'single', 'one node', {'nodes': [{'id': 'a'}], 'edges': []}

    yield 'pair', 'two nodes, one edge', {
        'nodes': [{'id': 'a'}, {'id': 'b'}],
        'edges': [{'source': 'a', 'target': 'b', 'weight': 3}],
    }

    g = nx.karate_club_graph()  # weighted (networkx 3.x carries the interaction counts)
    yield 'karate', "Zachary's karate club, weighted", spec_of(g, True)

    g = nx.les_miserables_graph()
    spec = spec_of(g, True)
    yield 'lesmis', 'Les Misérables co-appearances, weighted, string ids', spec

    # duplicate edges and self-loops, as a user's file may have them
    yield 'duplicates-loops', 'a repeated edge (last stated weight wins), a repeat without weight (keeps it), self-loops', {
        'nodes': [{'id': x} for x in 'abcdefg'],
        'edges': [
            {'source': 'a', 'target': 'b', 'weight': 1},
            {'source': 'b', 'target': 'c', 'weight': 2},
            {'source': 'c', 'target': 'a', 'weight': 1.5},
            {'source': 'b', 'target': 'a', 'weight': 4},  # a-b again, reversed: weight 4
            {'source': 'c', 'target': 'd'},
            {'source': 'd', 'target': 'e', 'weight': 2.5},
            {'source': 'e', 'target': 'd'},  # repeat without weight: keeps 2.5
            {'source': 'e', 'target': 'e', 'weight': 3},  # self-loop
            {'source': 'f', 'target': 'f'},  # self-loop on an otherwise isolated node
            {'source': 'd', 'target': 'g', 'weight': 0.5},
            {'source': 'g', 'target': 'e', 'weight': 1},
            {'source': 'a', 'target': 'a', 'weight': 0.25},
        ],
    }

    # weighted random graph of 200 nodes, sparse enough to have a few small components
    g = nx.gnm_random_graph(200, 420, seed=SEED)
    for u, v in g.edges:
        g[u][v]['weight'] = round(rnd.uniform(0.1, 20.0), 3)
    yield 'random200', 'G(n=200, m=420), weights uniform in [0.1, 20]', spec_of(g, True)

    # a connected weighted random graph with community structure
    g = nx.planted_partition_graph(5, 30, 0.3, 0.02, seed=SEED)
    for u, v in g.edges:
        g[u][v]['weight'] = rnd.randint(1, 9)
    yield 'planted', 'planted partition: 5 groups of 30, weights 1..9', spec_of(g, True)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, note, spec in cases():
        data = values(name, spec, note)
        with open(os.path.join(OUT, f'{name}.json'), 'w', encoding='utf-8') as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'{name}: {len(spec["nodes"])} nodes, {data["expected"]["edges"]} edges', file=sys.stderr)


if __name__ == '__main__':
    main()
