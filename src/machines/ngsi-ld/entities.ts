// NGSI-LD, pure: the platform's sites and devices as entities named by FIWARE Smart Data
// Models (Device, ProcessChemicalAnalysis, PointOfInterest), the JSON-LD @context that names
// their terms (served by the platform itself: nothing is fetched), entity ids, and the
// temporal representation of a device's telemetry.
import type { DeviceProfile, DeviceRecord, LatestValue } from '../schema.ts';

export const SDM = 'https://smartdatamodels.org/';
export const NGSI_LD = 'https://uri.etsi.org/ngsi-ld/';
/** Our own terms (telemetry keys): not in any Smart Data Model. */
export const OWN_VOCABULARY = 'https://digicluster.example/ngsi-ld/telemetry#';
/** Where the platform serves its @context (path; the host is the request's). */
export const CONTEXT_PATH = '/ngsi-ld/v1/jsonldContexts/digicluster.jsonld';
export const JSON_LD_CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context';

/** The entity types exposed, by short name, with their full IRIs. */
export const entityTypes = {
  Device: `${SDM}dataModel.Device/Device`,
  ProcessChemicalAnalysis: `${SDM}dataModel.IndustrialProcess/ProcessChemicalAnalysis`,
  PointOfInterest: `${SDM}dataModel.PointOfInterest/PointOfInterest`,
} as const;
export type EntityType = keyof typeof entityTypes;

/** Telemetry keys that are a chemical analysis of coal (dry-basis ash, sulphur), as their substance. */
export const chemicalKeys: Readonly<Record<string, string>> = {
  ash_pct: 'ash',
  sulphur_pct: 'sulphur',
};

/** UN/CEFACT common codes of the profiles' units (NGSI-LD's unitCode). */
export const unitCodes: Readonly<Record<string, string>> = {
  '%': 'P1',
  't/h': 'E18',
  'kg/m³': 'KMQ',
  mm: 'MMT',
  'm³/h': 'MQH',
  kW: 'KWT',
  t: 'TNE',
};

/** The @context the platform serves: every term its entities use, self-contained. */
export function contextDocument(profiles: readonly DeviceProfile[]) {
  const keys = [...new Set(profiles.flatMap((p) => p.keys.map((k) => k.key)))].sort();
  return {
    '@context': {
      '@version': 1.1,
      'ngsi-ld': NGSI_LD,
      id: '@id',
      type: '@type',
      Property: 'ngsi-ld:Property',
      Relationship: 'ngsi-ld:Relationship',
      GeoProperty: 'ngsi-ld:GeoProperty',
      DateTime: 'ngsi-ld:DateTime',
      value: 'ngsi-ld:hasValue',
      values: { '@id': 'ngsi-ld:hasValues', '@container': '@list' },
      object: { '@id': 'ngsi-ld:hasObject', '@type': '@id' },
      observedAt: { '@id': 'ngsi-ld:observedAt', '@type': 'DateTime' },
      unitCode: 'ngsi-ld:unitCode',
      location: 'ngsi-ld:location',
      Point: 'https://purl.org/geojson/vocab#Point',
      coordinates: { '@id': 'https://purl.org/geojson/vocab#coordinates', '@container': '@list' },
      Device: entityTypes.Device,
      ProcessChemicalAnalysis: entityTypes.ProcessChemicalAnalysis,
      PointOfInterest: {
        '@id': entityTypes.PointOfInterest,
        '@context': { category: `${SDM}dataModel.PointOfInterest/category` },
      },
      name: `${SDM}name`,
      owner: `${SDM}owner`,
      dateCreated: `${SDM}dateCreated`,
      dateObserved: `${SDM}dateObserved`,
      category: `${SDM}dataModel.Device/category`,
      controlledProperty: `${SDM}dataModel.Device/controlledProperty`,
      controlledAsset: `${SDM}dataModel.Device/controlledAsset`,
      dateLastValueReported: `${SDM}dataModel.Device/dateLastValueReported`,
      refDevice: `${SDM}dataModel.Device/refDevice`,
      processName: `${SDM}dataModel.IndustrialProcess/processName`,
      chemicalAnalysis: `${SDM}dataModel.IndustrialProcess/chemicalAnalysis`,
      chemicalConcentration: `${SDM}dataModel.IndustrialProcess/chemicalConcentration`,
      substance: `${SDM}dataModel.IndustrialProcess/substance`,
      percentage: `${SDM}dataModel.IndustrialProcess/percentage`,
      ...Object.fromEntries(keys.map((k) => [k, `${OWN_VOCABULARY}${k}`])),
    },
  };
}

/**
 * Contexts a request may name in its Link header without the platform fetching anything:
 * its own, and those whose terms it already holds (the core and the Smart Data Models ones,
 * which name these entities' terms the same way).
 */
export function knownContext(url: string): boolean {
  if (url.endsWith(CONTEXT_PATH)) return true;
  return [
    /^https:\/\/uri\.etsi\.org\/ngsi-ld\/v1\/ngsi-ld-core-context(-v[\d.]+)?\.jsonld$/,
    /^https:\/\/smartdatamodels\.org\/context\.jsonld$/,
    /^https:\/\/(raw\.githubusercontent\.com\/smart-data-models|smart-data-models\.github\.io)\/dataModel\.(Device|IndustrialProcess|PointOfInterest)\/.*context\.jsonld$/,
  ].some((r) => r.test(url));
}

/** A short type name, or its full IRI, as the type it names (null: none of ours). */
export function typeOf(name: string): EntityType | null {
  for (const [short, iri] of Object.entries(entityTypes))
    if (name === short || name === iri) return short as EntityType;
  return null;
}

/** An attribute name given in full (`https://…#ash_pct`) or short, as its short name. */
export function attributeOf(name: string, profiles: readonly DeviceProfile[]): string {
  const ctx = contextDocument(profiles)['@context'] as Record<string, unknown>;
  for (const [term, iri] of Object.entries(ctx)) if (iri === name) return term;
  return name;
}

export const entityId = (type: EntityType, id: string) => `urn:ngsi-ld:${type}:${id}`;

/** An entity id's type and the platform's id, or null when it names nothing of ours. */
export function parseEntityId(urn: string): { type: EntityType; id: string } | null {
  const x = /^urn:ngsi-ld:([A-Za-z]+):(.+)$/.exec(urn);
  if (!x) return null;
  const type = typeOf(x[1]);
  return type ? { type, id: x[2] } : null;
}

/** Whether a text is an absolute URI (NGSI-LD ids must be). */
export const isUri = (text: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(text);

export interface Site {
  id: string;
  organisationId: string;
  name: string;
  nameEn?: string;
  kind: string;
  lat: number;
  lon: number;
}

type Attr = Record<string, unknown>;
export type Entity = { id: string; type: EntityType } & Record<string, unknown>;

const property = (value: unknown, extra: Attr = {}): Attr => ({
  type: 'Property',
  value,
  ...extra,
});
const dateTime = (iso: string) => ({ '@type': 'DateTime', '@value': iso });
const organisationUrn = (id: string) => `urn:ngsi-ld:Organization:${id}`;

/**
 * A device as an SDM Device: its keys as controlledProperty, each key's latest value as its
 * own Property (with unitCode and observedAt), the SDM `value` text (`key=value;…`,
 * URL-encoded), the time of its latest value, its owner and its site.
 */
export function deviceEntity(
  device: DeviceRecord,
  keys: readonly string[],
  latest: readonly LatestValue[],
  site: Site | undefined,
): Entity {
  const shown = latest.filter((l) => keys.includes(l.key));
  const e: Entity = {
    id: entityId('Device', device.id),
    type: 'Device',
    name: property(device.name ?? device.id),
    category: property(['sensor']),
    controlledProperty: property([...keys]),
    owner: property([organisationUrn(device.organisationId)]),
    controlledAsset: property([entityId('PointOfInterest', device.siteId)]),
    dateCreated: property(dateTime(device.createdAt)),
  };
  if (site)
    e.location = {
      type: 'GeoProperty',
      value: { type: 'Point', coordinates: [site.lon, site.lat] },
    };
  if (shown.length) {
    e.value = property(encodeURIComponent(shown.map((l) => `${l.key}=${l.value}`).join(';')));
    const last = shown.reduce((a, b) => (b.ts > a.ts ? b : a));
    e.dateLastValueReported = property(dateTime(last.ts));
    for (const l of shown) e[l.key] = latestProperty(l);
  }
  return e;
}

function latestProperty(l: LatestValue): Attr {
  const code = unitCodes[l.unit];
  return property(l.value, { observedAt: l.ts, ...(code ? { unitCode: code } : {}) });
}

/**
 * A device's latest ash (and sulphur) values as an SDM ProcessChemicalAnalysis: percentages
 * per substance at the newest of their times; null when it has none.
 */
export function chemicalAnalysisEntity(
  device: DeviceRecord,
  latest: readonly LatestValue[],
  site: Site | undefined,
): Entity | null {
  const found = latest.filter((l) => l.key in chemicalKeys);
  if (!found.length) return null;
  const observed = found.reduce((a, b) => (b.ts > a.ts ? b : a)).ts;
  return {
    id: entityId('ProcessChemicalAnalysis', device.id),
    type: 'ProcessChemicalAnalysis',
    dateObserved: property(dateTime(observed)),
    processName: property(site ? (site.nameEn ?? site.name) : device.siteId),
    chemicalAnalysis: property({
      chemicalConcentration: found.map((l) => ({
        substance: chemicalKeys[l.key],
        percentage: l.value,
        observedAt: l.ts,
      })),
    }),
    refDevice: { type: 'Relationship', object: entityId('Device', device.id) },
    owner: property([organisationUrn(device.organisationId)]),
  };
}

/** A site as an SDM PointOfInterest: its name, kind, place and owner. */
export function siteEntity(site: Site): Entity {
  return {
    id: entityId('PointOfInterest', site.id),
    type: 'PointOfInterest',
    name: property(site.name),
    ...(site.nameEn ? { alternateName: property(site.nameEn) } : {}),
    category: property([site.kind]),
    location: {
      type: 'GeoProperty',
      value: { type: 'Point', coordinates: [site.lon, site.lat] },
    },
    owner: property([organisationUrn(site.organisationId)]),
  };
}

/** Only the named attributes (id and type always stay). */
export function pickAttributes(e: Entity, attrs: readonly string[] | null): Entity {
  if (!attrs) return e;
  const out: Entity = { id: e.id, type: e.type };
  for (const a of attrs) if (a in e) out[a] = e[a];
  return out;
}

/** The simplified (keyValues) form: each attribute's value (a Relationship: its object). */
export function simplified(e: Entity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'id' || k === 'type' || k === '@context') out[k] = v;
    else if (v && typeof v === 'object' && 'object' in v) out[k] = (v as Attr).object;
    else if (v && typeof v === 'object' && 'value' in v) out[k] = (v as Attr).value;
    else out[k] = v;
  }
  return out;
}

/** A device's series as a temporal entity: normalized (one Property per point) or temporalValues. */
export function temporalEntity(
  id: string,
  type: EntityType,
  series: ReadonlyArray<{
    key: string;
    unit: string;
    points: ReadonlyArray<{ ts: string; value: number | null }>;
  }>,
  form: 'normalized' | 'temporalValues',
): Entity {
  const e: Entity = { id, type };
  for (const s of series) {
    const code = unitCodes[s.unit];
    const unit = code ? { unitCode: code } : {};
    // raw points, always numbers; a null (an aggregate beyond a double) has no NGSI-LD form
    const points = s.points.filter((p): p is { ts: string; value: number } => p.value !== null);
    e[s.key] =
      form === 'temporalValues'
        ? { type: 'Property', ...unit, values: points.map((p) => [p.value, p.ts]) }
        : points.map((p) => property(p.value, { observedAt: p.ts, ...unit }));
  }
  return e;
}
