import { z } from 'astro/zod';
import { aliases, dateField, ref, shortCode } from './common.ts';

export const eventKinds = ['webinaire', 'web-cafe', 'campagne', 'formation'] as const;
export type EventKind = (typeof eventKinds)[number];

/** An agenda event. Times are read in Europe/Paris unless they carry an offset. */
export const eventSchema = z
  .object({
    /** Title of the event. */
    title: z.string().min(3).max(120).meta({ label: 'Titre' }),
    /** What it is for, in one or two sentences. */
    summary: z.string().min(10).max(300).meta({ label: 'Résumé', widget: 'text' }),
    /** Start date and time. */
    start: dateField('Début'),
    /** End date and time. */
    end: dateField('Fin'),
    /** Kind of event. */
    kind: z.enum(eventKinds).meta({ label: 'Type' }),
    /** Room or site, for events in person. */
    place: z.string().min(2).optional().meta({ label: 'Lieu' }),
    /** Visio link, for online events. */
    link: z.url().optional().meta({ label: 'Lien de connexion' }),
    /** Capsules to watch before or after. */
    capsules: z.array(ref('capsules', 'Capsule')).default([]).meta({ label: 'Capsules liées' }),
    /**
     * The event's identity in calendar apps (the iCalendar UID): a UUID the CMS writes once when
     * the entry is created and never changes, so a renamed file or a retitled event updates the
     * event already in a calendar instead of adding a second one. French and English share it.
     */
    uid: z.uuid().meta({
      label: 'Identifiant agenda',
      hint: 'Créé automatiquement, à ne jamais modifier : les agendas des abonnés reconnaissent l’événement par lui.',
      widget: 'uuid',
    }),
    /** Stable short link `/c/<code>/`. */
    code: shortCode(),
    aliases: aliases(),
  })
  .superRefine((e, ctx) => {
    if (e.end < e.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'doit suivre le début' });
    if (!e.place && !e.link)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'un lieu ou un lien est requis' });
  });
export type EventData = z.output<typeof eventSchema>;
