import { z } from 'astro/zod';

/**
 * Ambassadors who chose to appear on personal-challenge leaderboards, under a display name of
 * their choosing. Read by the share-log ingest only; the identifiers are never published.
 */
export const leaderboardSchema = z.object({
  entries: z
    .array(
      z.object({
        /** Identifier as it appears in the share logs (login or e-mail). */
        ambassador: z.string().min(2).meta({ label: 'Identifiant (journaux)' }),
        /** Name shown on the leaderboard. */
        displayName: z.string().min(2).max(40).meta({ label: 'Nom affiché' }),
      }),
    )
    .default([])
    .meta({ label: 'Ambassadeurs volontaires' }),
});
export type Leaderboard = z.output<typeof leaderboardSchema>;
