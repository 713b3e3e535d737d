import type { z } from 'astro/zod';
import { capsuleSchema } from './schemas/capsule.ts';
import { cardSchema } from './schemas/card.ts';
import { challengeSchema } from './schemas/challenge.ts';
import { digestSchema } from './schemas/digest.ts';
import { eventSchema } from './schemas/event.ts';
import { guidelineSchema } from './schemas/guideline.ts';
import { leaderboardSchema } from './schemas/leaderboard.ts';
import { objectivesSchema } from './schemas/objectives.ts';
import { pathSchema } from './schemas/path.ts';
import { settingsSchema } from './schemas/settings.ts';
import { testimonialSchema } from './schemas/testimonial.ts';

/**
 * The content model's registry: every collection, where its files live and which schema
 * validates them. Astro's collections, the CMS configuration and the content checks are all
 * derived from this one list.
 */
export interface FolderCollection {
  kind: 'folder';
  /** Folder under `content/`; entries are `<folder>/<locale>/<slug>.md`. */
  folder: string;
  schema: z.ZodType;
  /** Labels for the CMS (plural, singular). */
  label: string;
  labelSingular: string;
  /** Field used as the entry's title in lists. */
  summaryField: string;
  /**
   * The section its pages live in, `src/pages/[...lang]/<route>/[slug].astro`: an entry's slug
   * must not be one of that folder's static routes (`slugs.ts`).
   */
  route: string;
}
export interface FileCollection {
  kind: 'file';
  /** File under `content/`. */
  file: string;
  schema: z.ZodType;
  label: string;
}

export const folderCollections = {
  cards: {
    kind: 'folder',
    folder: 'cards',
    route: 'cartes',
    schema: cardSchema,
    label: 'Cartes à partager',
    labelSingular: 'Carte',
    summaryField: 'title',
  },
  capsules: {
    kind: 'folder',
    folder: 'capsules',
    route: 'capsules',
    schema: capsuleSchema,
    label: 'Capsules',
    labelSingular: 'Capsule',
    summaryField: 'title',
  },
  paths: {
    kind: 'folder',
    folder: 'paths',
    route: 'parcours',
    schema: pathSchema,
    label: 'Parcours',
    labelSingular: 'Parcours',
    summaryField: 'title',
  },
  guidelines: {
    kind: 'folder',
    folder: 'guidelines',
    route: 'charte',
    schema: guidelineSchema,
    label: 'Charte',
    labelSingular: 'Règle',
    summaryField: 'title',
  },
  testimonials: {
    kind: 'folder',
    folder: 'testimonials',
    route: 'temoignages',
    schema: testimonialSchema,
    label: 'Témoignages',
    labelSingular: 'Témoignage',
    summaryField: 'name',
  },
  challenges: {
    kind: 'folder',
    folder: 'challenges',
    route: 'defis',
    schema: challengeSchema,
    label: 'Défis',
    labelSingular: 'Défi',
    summaryField: 'title',
  },
  events: {
    kind: 'folder',
    folder: 'events',
    route: 'agenda',
    schema: eventSchema,
    label: 'Agenda',
    labelSingular: 'Événement',
    summaryField: 'title',
  },
} as const satisfies Record<string, FolderCollection>;

export const fileCollections = {
  settings: { kind: 'file', file: 'settings/programme.yaml', schema: settingsSchema, label: 'Réglages du programme' },
  leaderboard: {
    kind: 'file',
    file: 'settings/leaderboard.yaml',
    schema: leaderboardSchema,
    label: 'Classements : volontaires',
  },
  digest: { kind: 'file', file: 'settings/digest.yaml', schema: digestSchema, label: 'Lettre hebdomadaire' },
  objectives: {
    kind: 'file',
    file: 'settings/objectives.yaml',
    schema: objectivesSchema,
    label: 'Objectifs du programme',
  },
} as const satisfies Record<string, FileCollection>;

export type FolderCollectionName = keyof typeof folderCollections;
export const folderCollectionNames = Object.keys(folderCollections) as FolderCollectionName[];

/** References between collections, checked after loading (see `references.ts`). */
export const references: { from: FolderCollectionName; field: string; to: FolderCollectionName }[] = [
  { from: 'paths', field: 'capsules', to: 'capsules' },
  { from: 'events', field: 'capsules', to: 'capsules' },
  { from: 'challenges', field: 'scope.cards', to: 'cards' },
];
