// The Kuzbass example scaled up: more live listings, made through the exchange service like
// any member's, as variants of the example's own (same holder, site, material and quality;
// larger yearly quantities), until `total` listings are live.
import { exampleListings } from '../../src/example/seed.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';

// as the seed makes them today: windows moved to this month, so the variants are live too
const example = exampleListings();

/** Adds variants of the example's live listings until `total` are live; returns that count. */
export async function growListings(platform: Platform, total: number): Promise<number> {
  const { exchange, store } = platform;
  const live = new Set((await exchange.liveListings(store)).listings.map((l) => l.id));
  const bases = example.filter((l) => live.has(l.id));
  if (!bases.length) throw new Error('seed the example first');
  for (let k = 0; live.size < total; k++) {
    const { provenance: _p, ...base } = bases[k % bases.length];
    // ×1.00 … ×1.49, spread so that no two variants of one listing are alike; never below
    // the original, so its minimums stay within the quantity
    const factor = 1 + ((k * 37) % 50) / 100;
    const id = `${base.id}-x${k}`;
    await exchange.createListing(systemActor, {
      ...base,
      id,
      quantityPerYear: Math.min(Math.round(base.quantityPerYear * factor), 1e8),
      status: 'active',
    });
    live.add(id);
  }
  return (await exchange.liveListings(store)).listings.length;
}
