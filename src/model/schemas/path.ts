import { z } from 'astro/zod';
import { aliases, ref, shortCode } from './common.ts';

/** A learning path: capsules in the order they should be followed. */
export const pathSchema = z.object({
  /** Title of the path. */
  title: z.string().min(3).max(120).meta({ label: 'Titre' }),
  /** What the path leads to. */
  summary: z.string().min(10).max(300).meta({ label: 'Résumé', widget: 'text' }),
  /** Ordered capsules (file names); each must exist. */
  capsules: z.array(ref('capsules', 'Capsule')).min(1).meta({ label: 'Capsules (dans l’ordre)' }),
  /** Who should follow it (e.g. "new ambassadors"). */
  audience: z.string().min(3).meta({ label: 'Public' }),
  /** Stable short link `/c/<code>/`. */
  code: shortCode(),
  aliases: aliases(),
  /** Sort order among paths; the first is the "start here" path. */
  order: z.number().int().min(0).default(0).meta({ label: 'Ordre' }),
});
export type PathData = z.output<typeof pathSchema>;
