import { z } from 'astro/zod';

/** The weekly digest's settings: one file, `content/settings/digest.yaml`. Secrets never live here. */
export const digestSchema = z.object({
  /** Sender shown to readers, e.g. `Relais <relais@exemple.fr>`. */
  from: z.string().min(3).default('Relais <relais@exemple.invalid>').meta({ label: 'Expéditeur' }),
  /** Recipients of the e-mail (usually one distribution list). */
  to: z.array(z.string().min(3)).min(1).default(['ambassadeurs@exemple.invalid']).meta({ label: 'Destinataires' }),
  /** Address or URL that unsubscribes a reader (`List-Unsubscribe`); `mailto:` or `https:`. */
  unsubscribe: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'commence par mailto: ou https://')
    .default('mailto:relais@exemple.invalid?subject=desinscription')
    .meta({ label: 'Lien de désinscription' }),
  /** SMTP server; the password comes from `RELAIS_SMTP_PASSWORD`, never from this file. */
  smtp: z
    .object({
      /** Host name of the SMTP server. */
      host: z.string().min(1).default('localhost').meta({ label: 'Serveur' }),
      /** Port: 587 (STARTTLS) or 465 (TLS). */
      port: z.number().int().min(1).max(65535).default(587).meta({ label: 'Port' }),
      /** TLS from the first byte (port 465). */
      secure: z.boolean().default(false).meta({ label: 'TLS direct' }),
      /** Login; empty = no authentication. */
      user: z.string().optional().meta({ label: 'Identifiant' }),
    })
    .default({ host: 'localhost', port: 587, secure: false })
    .meta({ label: 'Serveur d’envoi (SMTP)' }),
  /** Which channels `--send` uses; the webhook URL comes from `RELAIS_DIGEST_WEBHOOK`. */
  channels: z
    .object({
      /** Send the e-mail. */
      email: z.boolean().default(true).meta({ label: 'E-mail' }),
      /** Post the Teams card (or the Slack message) to the webhook. */
      webhook: z.enum(['none', 'teams', 'slack']).default('teams').meta({ label: 'Webhook' }),
    })
    .default({ email: true, webhook: 'teams' })
    .meta({ label: 'Canaux' }),
  /** Most cards listed in one digest (new ones first); 8 at most keeps the HTML under Gmail's 102 KB clip. */
  maxCards: z.number().int().min(1).max(8).default(6).meta({ label: 'Cartes au plus' }),
  /** Most upcoming events listed. */
  maxEvents: z.number().int().min(0).max(10).default(3).meta({ label: 'Événements au plus' }),
  /** How many attempts per channel before `--send` gives up (backoff doubles from 0.5 s). */
  attempts: z.number().int().min(1).max(8).default(4).meta({ label: 'Tentatives d’envoi' }),
});
export type DigestSettings = z.output<typeof digestSchema>;
