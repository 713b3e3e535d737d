import { z } from 'astro/zod';
import { contrastRatio } from '../contrast.ts';
import { mediaPath } from './common.ts';

/** A brand colour: links and white button text sit on it, so it needs AA contrast with white. */
const hex = (label: string) =>
  z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'une couleur #rrggbb')
    .refine((c) => contrastRatio(c, '#ffffff') >= 4.5, {
      message: 'contraste insuffisant avec le blanc (4,5:1 au moins, niveau AA) : choisissez une teinte plus foncée',
    })
    .meta({ label, widget: 'color' });

/** Programme-wide settings: one file, `content/settings/programme.yaml`. */
export const settingsSchema = z.object({
  /** Name of the programme, shown in the header and on images. */
  name: z.string().min(2).max(60).meta({ label: 'Nom du programme' }),
  /** The programme's purpose ("raison d'être") in one paragraph. */
  purpose: z.string().min(20).max(600).meta({ label: 'Raison d’être', widget: 'text' }),
  /** The executive sponsor's word. */
  sponsor: z
    .object({
      name: z.string().min(2).meta({ label: 'Nom' }),
      role: z.string().min(2).meta({ label: 'Fonction' }),
      message: z.string().min(10).max(600).meta({ label: 'Message', widget: 'text' }),
    })
    .meta({ label: 'Sponsor' }),
  /** The English site's versions of the texts above; where one is empty, the French shows. */
  en: z
    .object({
      purpose: z.string().min(20).max(600).optional().meta({ label: 'Raison d’être (anglais)', widget: 'text' }),
      sponsorRole: z.string().min(2).optional().meta({ label: 'Fonction du sponsor (anglais)' }),
      sponsorMessage: z
        .string()
        .min(10)
        .max(600)
        .optional()
        .meta({ label: 'Message du sponsor (anglais)', widget: 'text' }),
    })
    .default({})
    .meta({ label: 'Version anglaise' }),
  /** Employees the programme addresses, for the active-ambassador rate. */
  headcount: z.number().int().min(1).meta({ label: 'Effectif' }),
  /** Smallest group a dashboard may show (k-anonymity). */
  minGroupSize: z.number().int().min(2).default(5).meta({ label: 'Taille minimale d’un groupe affiché' }),
  /**
   * Fewest shares of a card's variant before the dashboards judge its clicks per share: under
   * it, "too few shares to tell". At 30 shares a variant with 1 click per share has an exact 95 %
   * interval of about [0.67, 1.43] clicks per share (Garwood), narrow enough to compare wordings.
   */
  minVariantShares: z.number().int().min(5).default(30).meta({ label: 'Partages minimum pour juger une formulation' }),
  /** Brand colours, each with AA contrast against white. */
  colors: z
    .object({ primary: hex('Couleur principale'), accent: hex('Couleur d’accent') })
    .default({ primary: '#1d4ed8', accent: '#b45309' })
    .meta({ label: 'Couleurs' }),
  /** Logo (SVG or PNG) under `/media/`. */
  logo: mediaPath('Logo').optional(),
  /** Public address of the hub, without the base path (for absolute links, feeds, QR codes). */
  siteUrl: z.url().meta({ label: 'Adresse du site' }),
  /** Path the hub is served under, e.g. `/` or `/hub/`. */
  basePath: z
    .string()
    .regex(/^\/([a-z0-9-]+\/)*$/, 'commence et finit par /')
    .default('/')
    .meta({ label: 'Chemin de base' }),
});
export type Settings = z.output<typeof settingsSchema>;
