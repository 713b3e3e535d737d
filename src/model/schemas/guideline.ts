import { z } from 'astro/zod';

export const guidelineCategories = ['regles', 'bonnes-pratiques', 'reseaux', 'juridique', 'faq'] as const;
export type GuidelineCategory = (typeof guidelineCategories)[number];

/** One page of the programme charter. */
export const guidelineSchema = z.object({
  /** Title of the rule or question. */
  title: z.string().min(3).max(120).meta({ label: 'Titre' }),
  /** One-sentence gist for lists and the OG image. */
  summary: z.string().min(10).max(300).meta({ label: 'Résumé', widget: 'text' }),
  /** Section of the charter. */
  category: z.enum(guidelineCategories).meta({ label: 'Catégorie' }),
  /** Position inside its category (ascending). */
  order: z.number().int().min(0).meta({ label: 'Ordre' }),
  /** What to do. */
  do: z.array(z.string().min(3)).default([]).meta({ label: 'À faire' }),
  /** What to avoid. */
  dont: z.array(z.string().min(3)).default([]).meta({ label: 'À éviter' }),
});
export type GuidelineData = z.output<typeof guidelineSchema>;
