// The controlled vocabulary of competences an expertise profile names, each with the materials
// of the registry taxonomy it concerns (which tells what a listing of a material asks for).

export interface Competence {
  id: string;
  ru: string;
  en: string;
  /** taxonomy materials this competence works with */
  materials: readonly string[];
}

export const competenceVocabulary: readonly Competence[] = [
  {
    id: 'coal-preparation',
    ru: 'Обогащение угля',
    en: 'Coal preparation',
    materials: [
      'coal-d',
      'coal-g',
      'coal-zh',
      'coal-k',
      'coal-ss',
      'coal-t',
      'coal-a',
      'coking-concentrate',
      'thermal-concentrate',
      'middlings',
      'prep-rejects',
      'coal-fines',
    ],
  },
  {
    id: 'flotation',
    ru: 'Флотация',
    en: 'Flotation',
    materials: ['flotation-tailings', 'slimes', 'clarification-sludge'],
  },
  {
    id: 'slurry-fuels',
    ru: 'Шламы и водоугольное топливо',
    en: 'Coal slurries and coal-water fuel',
    materials: ['slimes', 'coal-water-fuel', 'fuel-briquettes', 'coal-fines', 'coal-dust'],
  },
  {
    id: 'ash-utilisation',
    ru: 'Утилизация золошлаковых отходов',
    en: 'Ash and slag utilisation',
    materials: ['fly-ash', 'bottom-slag', 'ash-slag-hydraulic', 'ash-slag-mix', 'cenospheres'],
  },
  {
    id: 'construction-materials',
    ru: 'Строительные материалы из отходов',
    en: 'Construction materials from waste',
    materials: [
      'fly-ash',
      'bottom-slag',
      'ash-slag-mix',
      'overburden',
      'prep-rejects',
      'host-rock',
    ],
  },
  {
    id: 'coal-chemistry',
    ru: 'Углехимия',
    en: 'Coal chemistry',
    materials: [
      'coke',
      'coke-breeze',
      'semi-coke',
      'activated-carbon',
      'coal-tar',
      'benzene',
      'acid-tar',
      'tar-sludge',
      'humic-fertiliser',
      'coke-oven-gas',
    ],
  },
  {
    id: 'methane-utilisation',
    ru: 'Утилизация шахтного метана',
    en: 'Mine methane utilisation',
    materials: ['mine-methane', 'coal-bed-methane', 'electricity', 'heat'],
  },
  {
    id: 'reclamation',
    ru: 'Рекультивация земель',
    en: 'Land reclamation',
    materials: ['overburden', 'host-rock', 'shaft-sinking-rock', 'humic-fertiliser'],
  },
  {
    id: 'water-treatment',
    ru: 'Очистка шахтных и карьерных вод',
    en: 'Mine and pit water treatment',
    materials: ['mine-water', 'mine-water-sludge', 'pit-water-sludge', 'clarification-sludge'],
  },
  {
    id: 'rare-earths',
    ru: 'Извлечение редкоземельных элементов',
    en: 'Rare-earth recovery',
    materials: ['ree-concentrate', 'fly-ash', 'ash-slag-hydraulic', 'slimes'],
  },
  {
    id: 'rubber-recycling',
    ru: 'Переработка резинотехнических отходов',
    en: 'Rubber waste recycling',
    materials: ['mining-tyres', 'conveyor-belt'],
  },
  { id: 'logistics', ru: 'Логистика сыпучих грузов', en: 'Bulk logistics', materials: [] },
  { id: 'iot', ru: 'Промышленный интернет вещей', en: 'Industrial IoT', materials: [] },
  { id: 'data-analysis', ru: 'Анализ данных', en: 'Data analysis', materials: [] },
];

export const competenceIds = competenceVocabulary.map((c) => c.id) as [string, ...string[]];

const byId = new Map(competenceVocabulary.map((c) => [c.id, c]));

export const competence = (id: string): Competence | undefined => byId.get(id);

/** The competences that work with a material. */
export const competencesForMaterial = (materialId: string): string[] =>
  competenceVocabulary.filter((c) => c.materials.includes(materialId)).map((c) => c.id);

/**
 * The competences an Industry 4.0 readiness dimension rests on (the assessment's questionnaire):
 * an organisation answering a low band there lacks them. The organisational dimensions
 * (workforce learning, leadership, strategy) name no single competence and are left out.
 */
export const competencesForReadiness: Readonly<Record<string, readonly string[]>> = {
  connectivity: ['iot'],
  automation: ['iot'],
  intelligence: ['data-analysis'],
  vertical_integration: ['iot', 'data-analysis'],
  horizontal_integration: ['data-analysis'],
};

/** A band at or below this marks the dimension's competences as lacking. */
export const READINESS_LOW_BAND = 2;
