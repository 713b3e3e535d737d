import { z } from 'astro/zod';
import { aliases, dayField, mediaPath, shortCode } from './common.ts';

export const levels = ['debutant', 'intermediaire', 'avance'] as const;
export type Level = (typeof levels)[number];

/**
 * A chapter start: seconds (`90`) or a clock (`1:30`, `1:02:03`), normalised to seconds so
 * deep links (`?t=90`) and the player agree.
 */
const chapterStart = z
  .union([z.number().int().min(0), z.string().regex(/^(\d+|(\d+:)?\d{1,2}:\d{2})$/, 'secondes ou m:ss')])
  .transform((v) => (typeof v === 'number' ? v : v.split(':').reduce((s, p) => s * 60 + Number(p), 0)))
  .meta({ label: 'Début (secondes ou m:ss)', widget: 'string' });

/** A short training capsule: a video or a text, a few minutes long. */
export const capsuleSchema = z.object({
  /** Title shown in lists, the page and the OG image. */
  title: z.string().min(3).max(120).meta({ label: 'Titre' }),
  /** One or two sentences for lists and search results. */
  summary: z.string().min(10).max(300).meta({ label: 'Résumé', widget: 'text' }),
  /** Who it is for. */
  level: z.enum(levels).meta({ label: 'Niveau' }),
  /** Length in minutes, for the trainer kit and the filters. */
  duration: z.number().int().min(1).max(240).meta({ label: 'Durée (minutes)' }),
  /** Free themes (e.g. `linkedin`, `prise-de-parole`), used by filters and search. */
  themes: z.array(z.string().min(2)).min(1).meta({ label: 'Thèmes', translate: false }),
  /** What the learner can do afterwards. */
  objectives: z.array(z.string().min(3)).default([]).meta({ label: 'Objectifs' }),
  /** Video file under `/media/` or an URL; none for a text capsule. */
  video: mediaPath('Vidéo', 'file').optional(),
  /** Still image shown before playback. */
  poster: mediaPath('Affiche de la vidéo').optional(),
  /** WebVTT captions for the video (required by accessibility when there is speech). */
  captions: mediaPath('Sous-titres (WebVTT)', 'file').optional(),
  /** Chapters, each with a deep link. */
  chapters: z
    .array(z.object({ start: chapterStart, title: z.string().min(2).meta({ label: 'Titre' }) }))
    .default([])
    .meta({ label: 'Chapitres' }),
  /** Links to go further. */
  resources: z
    .array(
      z.object({
        title: z.string().min(2).meta({ label: 'Titre' }),
        /** An address (`https://…`) or a page of the hub (`/charte/`, base path added at build). */
        url: z
          .string()
          .regex(/^(https?:\/\/\S+|\/\S*)$/, 'une adresse https://… ou une page du hub /…')
          .meta({ label: 'Adresse (https://… ou /page-du-hub/)' }),
      }),
    )
    .default([])
    .meta({ label: 'Ressources' }),
  /** Stable short link `/c/<code>/`. */
  code: shortCode(),
  aliases: aliases(),
  /** Publication date: drives "new this week". */
  published: dayField('Date de publication'),
  /** Drafts are built nowhere. */
  draft: z.boolean().default(false).meta({ label: 'Brouillon' }),
});
export type CapsuleData = z.output<typeof capsuleSchema>;
