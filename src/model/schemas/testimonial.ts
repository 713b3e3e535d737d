import { z } from 'astro/zod';
import { dayField, mediaPath } from './common.ts';

/**
 * An ambassador's testimonial. `consent` is required: without the date the person agreed to
 * publication, the entry is rejected and never published.
 */
export const testimonialSchema = z
  .object({
    /** Person's name as they agreed to show it. */
    name: z.string().min(2).max(80).meta({ label: 'Nom' }),
    /** Job title. */
    role: z.string().min(2).max(80).meta({ label: 'Fonction' }),
    /** Team or site. */
    team: z.string().min(2).max(80).meta({ label: 'Équipe' }),
    /** Portrait (optional). */
    photo: mediaPath('Photo').optional(),
    /** Text alternative of the portrait; required with a photo. */
    photoAlt: z.string().min(3).optional().meta({ label: 'Description de la photo' }),
    /** The quote, short enough for a card. */
    quote: z.string().min(10).max(280).meta({ label: 'Citation', widget: 'text' }),
    /** Date the person gave written consent to publish. */
    consent: dayField('Consentement recueilli le', 'Sans date de consentement, le témoignage n’est pas publié.'),
  })
  .superRefine((t, ctx) => {
    if (t.photo && !t.photoAlt)
      ctx.addIssue({ code: 'custom', path: ['photoAlt'], message: 'requis quand une photo est donnée' });
  });
export type TestimonialData = z.output<typeof testimonialSchema>;
