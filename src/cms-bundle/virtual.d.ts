/** The admin bundle's entry, set by `src/integrations/admin-bundle.ts` (see docs/cms.md). */
declare module 'virtual:relais/admin-bundle' {
  /** The entry script's URL path, base path included: `/hub/_astro/admin/cms.BOFKEjMg.js`. */
  export const script: string;
}
