// The registry's pure engines: what the browser and other modules' engines may import.
export { type FkkoCatalogue, type FkkoEntry, normaliseFkko, parseFkkoCatalogue } from './fkko.ts';
export {
  agglomerationCentres,
  cities,
  greatCircleKm,
  type Outline,
  outlineFromGeoJson,
  type Placement,
  placeSite,
} from './geography.ts';
