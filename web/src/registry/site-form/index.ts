// A reusable site fieldset (name, kind, address, coordinates typed or placed on the offline
// region map), independent of any one form: the application's first site, a member's new site.

export { siteFormDict } from './dict.ts';
export { SiteFieldset } from './SiteFieldset.tsx';
export {
  blankSite,
  coordinateText,
  pointOf,
  type SiteBody,
  type SiteIssues,
  type SiteKey,
  type SiteKind,
  type SiteValue,
  type SpecialTerritoryKind,
  siteBody,
  siteKeys,
  siteKinds,
  siteTouched,
  siteValueOf,
  specialTerritoryKinds,
  validateSite,
} from './site.ts';

/** The server's SiteInput rules, in a chunk of their own (zod): `(body, lang) => problems`. */
export const loadSiteCheck = () =>
  import('./schema.ts').then(
    (m) => m.checkSite,
    // offline for a moment: the server checks the same rules on submit
    () => null,
  );
