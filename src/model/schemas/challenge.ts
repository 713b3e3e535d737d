import { z } from 'astro/zod';
import { cardThemes } from './card.ts';
import { dateField, ref } from './common.ts';

/** A challenge: personal (each ambassador's own goal) or collective (everyone's shares add up). */
export const challengeSchema = z
  .object({
    /** Title of the challenge. */
    title: z.string().min(3).max(120).meta({ label: 'Titre' }),
    /** Personal or collective goal. */
    kind: z.enum(['personal', 'collective']).meta({ label: 'Type' }),
    /** Consumable (a breakfast, a gift) or symbolic (a badge, a thank-you). */
    reward: z.enum(['consumable', 'symbolic']).meta({ label: 'Récompense' }),
    /** What is won, in words. */
    rewardDescription: z.string().min(3).meta({ label: 'Récompense (détail)' }),
    /** First instant shares count. */
    start: dateField('Début'),
    /** Last instant shares count. */
    end: dateField('Fin'),
    /** Number of shares to reach. */
    goal: z.number().int().min(1).meta({ label: 'Objectif (partages)' }),
    /** Which shares count: cards of these themes and these cards; both empty = every card. */
    scope: z
      .object({
        themes: z.array(z.enum(cardThemes)).default([]).meta({ label: 'Thèmes' }),
        cards: z.array(ref('cards', 'Carte')).default([]).meta({ label: 'Cartes' }),
      })
      .default({ themes: [], cards: [] })
      .meta({ label: 'Périmètre' }),
  })
  .superRefine((c, ctx) => {
    if (c.end < c.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'doit suivre le début' });
  });
export type ChallengeData = z.output<typeof challengeSchema>;
