import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type FkkoCatalogue, parseFkkoCatalogue } from './engine/fkko.ts';
import { type Outline, outlineFromGeoJson } from './engine/geography.ts';

const referenceDir = fileURLToPath(new URL('../../data/reference/', import.meta.url));

let outline: Outline | undefined;
let fkko: FkkoCatalogue | undefined;

/** Kemerovo Oblast outline (© OpenStreetMap contributors, ODbL), read once. */
export function regionOutline(): Outline {
  outline ??= outlineFromGeoJson(
    JSON.parse(readFileSync(`${referenceDir}kemerovo-oblast.geojson`, 'utf8')),
  );
  return outline;
}

/** The FKKO catalogue of 2026-03-25 (compiled by V. Tarasov, indiecastor/FKKO, MIT), read once. */
export function fkkoCatalogue(): FkkoCatalogue {
  fkko ??= parseFkkoCatalogue(readFileSync(`${referenceDir}fkko-2026-03-25.tsv`, 'utf8'));
  return fkko;
}
