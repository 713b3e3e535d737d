import { z } from 'astro/zod';
import { dayField, slug } from './common.ts';

/**
 * What an objective measures, per ISO week of the share logs:
 * - `activeRate`: active ambassadors (at least one share that week) as a percentage of the
 *   programme's headcount (`programme.yaml`);
 * - `shares`, `clicks`: events that week (clicks only where the logs hold them);
 * - `trainingCompletions`: completed training capsules, once the logs record them.
 */
export const objectiveMetrics = ['activeRate', 'shares', 'clicks', 'trainingCompletions'] as const;
export type ObjectiveMetric = (typeof objectiveMetrics)[number];

const objective = z
  .object({
    /** Stable identifier (rows of the dashboard table, CSV). */
    id: slug().meta({ label: 'Identifiant' }),
    /** What the objective says, in words. */
    title: z.string().min(3).max(120).meta({ label: 'Intitulé' }),
    /** English title; where empty, the French shows. */
    titleEn: z.string().min(3).max(120).optional().meta({ label: 'Intitulé (anglais)' }),
    /** The weekly figure measured. */
    metric: z.enum(objectiveMetrics).meta({ label: 'Indicateur' }),
    /** Weekly value to reach: a percentage for `activeRate` (25 = 25 %), a count otherwise. */
    target: z
      .number()
      .positive()
      .meta({ label: 'Cible (par semaine)', hint: 'Pourcentage pour le taux d’ambassadeurs actifs.' }),
    /** Day by which the target should be reached. */
    deadline: dayField('Échéance'),
    /** The weeks before launch the progress is measured against (their weekly mean). */
    baseline: z
      .object({
        from: dayField('Début de la référence'),
        to: dayField('Fin de la référence'),
      })
      .meta({ label: 'Période de référence' }),
    /** Optional pilot group, compared with the rest of the programme. */
    pilot: z
      .object({
        /** Teams of the pilot group, as named in `teams` (and in the share logs). */
        teams: z.array(z.string().min(1)).min(1).meta({ label: 'Équipes pilotes' }),
      })
      .optional()
      .meta({ label: 'Groupe pilote' }),
  })
  .superRefine((o, ctx) => {
    if (o.baseline.to < o.baseline.from)
      ctx.addIssue({ code: 'custom', path: ['baseline', 'to'], message: 'doit suivre le début de la référence' });
    if (o.deadline <= o.baseline.to)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'doit suivre la fin de la période de référence' });
  });

/** Programme objectives against a baseline: one file, `content/settings/objectives.yaml`. */
export const objectivesSchema = z
  .object({
    /** The company's teams, spelt as in the share logs: pilot groups may only name these. */
    teams: z.array(z.string().min(1)).default([]).meta({ label: 'Équipes connues' }),
    /** How many of the latest weeks make the current value (their mean). */
    window: z.number().int().min(1).max(13).default(4).meta({ label: 'Semaines de la valeur actuelle' }),
    /** The objectives, in page order. */
    objectives: z.array(objective).default([]).meta({ label: 'Objectifs' }),
  })
  .superRefine((s, ctx) => {
    const known = new Set(s.teams);
    const ids = new Set<string>();
    s.objectives.forEach((o, i) => {
      if (ids.has(o.id))
        ctx.addIssue({ code: 'custom', path: ['objectives', i, 'id'], message: `identifiant « ${o.id} » déjà pris` });
      ids.add(o.id);
      o.pilot?.teams.forEach((team, j) => {
        if (!known.has(team))
          ctx.addIssue({
            code: 'custom',
            path: ['objectives', i, 'pilot', 'teams', j],
            message: `équipe inconnue « ${team} » (attendu l’une des équipes de « teams » : ${[...known].join(', ') || 'aucune déclarée'})`,
          });
      });
    });
  });
export type Objectives = z.output<typeof objectivesSchema>;
export type Objective = Objectives['objectives'][number];
