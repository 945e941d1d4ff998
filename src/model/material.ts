import { z } from 'zod';
import { Id } from './registry.ts';

const Text = z.object({ ru: z.string().min(1), en: z.string().min(1) });

export const MaterialCategory = z
  .enum([
    'coal',
    'coal_product',
    'mineral_waste',
    'combustion_residue',
    'gas',
    'water',
    'energy',
    'chemical',
    'other',
  ])
  .meta({ id: 'MaterialCategory' });

export const MaterialUnit = z
  .enum(['t', 'm3', 'thousand_m3', 'MWh', 'GJ', 'Gcal'])
  .meta({ id: 'MaterialUnit' });
export type MaterialUnit = z.infer<typeof MaterialUnit>;

/** A quality property measured on a stream, e.g. ash Ad, %. */
export const QualityProperty = z
  .object({ id: Id, name: Text, symbol: z.string(), unit: z.string() })
  .meta({ id: 'QualityProperty' });
export type QualityProperty = z.infer<typeof QualityProperty>;

/** What a material can serve as, e.g. "cement additive". */
export const MaterialUse = z.object({ id: Id, name: Text }).meta({ id: 'MaterialUse' });
export type MaterialUse = z.infer<typeof MaterialUse>;

export const FkkoCode = z
  .string()
  .regex(/^\d \d{2} \d{3} \d{2} \d{2} \d$/, 'FKKO code: 11 digits written "N NN NNN NN NN N"');
export const EwcCode = z
  .string()
  .regex(/^\d{2} \d{2} \d{2}\*?$/, 'EWC code: "NN NN NN", * when hazardous');

export const MaterialInput = z
  .object({
    id: Id,
    name: Text,
    category: MaterialCategory,
    unit: MaterialUnit,
    waste: z.boolean().describe('true for wastes in the sense of 89-FZ; they carry FKKO codes'),
    fkko: z.array(FkkoCode).default([]),
    ewc: z.array(EwcCode).default([]),
    properties: z
      .array(Id)
      .default([])
      .describe('ids of the quality properties this material carries'),
    uses: z.array(Id).default([]).describe('ids of the uses it can serve'),
    note: z.string().optional(),
  })
  .meta({ id: 'MaterialDefinition' });
export type MaterialInput = z.input<typeof MaterialInput>;

export const Material = MaterialInput.meta({ id: 'Material' });
export type Material = z.infer<typeof MaterialInput>;

export const Taxonomy = z
  .object({
    properties: z.array(QualityProperty),
    uses: z.array(MaterialUse),
    materials: z.array(MaterialInput),
  })
  .meta({ id: 'Taxonomy' });
export type Taxonomy = z.infer<typeof Taxonomy>;
