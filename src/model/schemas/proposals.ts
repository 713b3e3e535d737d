import { z } from 'astro/zod';

/**
 * How ambassadors' suggestions reach the editors (`/proposer/`): one file,
 * `content/settings/proposals.yaml`. Either channel, or both; with none the page says whom to
 * ask instead of showing a form that goes nowhere.
 */
export const proposalsSchema = z.object({
  /** Mailbox that receives suggestions as a prefilled e-mail (`mailto:`). */
  email: z.email('une adresse e-mail').optional().meta({ label: 'Adresse de réception' }),
  /** Subject of the prefilled e-mail; the suggestion's title follows it. */
  subject: z.string().min(3).max(80).default('[Relais] Proposition').meta({ label: 'Objet de l’e-mail' }),
  /**
   * A form endpoint that receives the form as a POST (Microsoft Forms, Power Automate, any URL):
   * HTTPS only. The page's Content-Security-Policy allows this origin in `form-action`.
   */
  endpoint: z
    .url({ protocol: /^https$/ })
    .optional()
    .meta({ label: 'Adresse du formulaire (POST)', hint: 'https://… ; la page y envoie le formulaire.' }),
});
export type Proposals = z.output<typeof proposalsSchema>;
