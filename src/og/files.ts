/** Kinds of Open Graph images: one template each. */
export type OgKind = 'card' | 'capsule' | 'path' | 'guideline' | 'testimonial' | 'event' | 'default';

/**
 * Where an image lives inside the build output, without the base path. The pages' URLs
 * (`paths.ts`) and the build step that writes the files both derive from these two functions,
 * so a page can never point at an image that is written elsewhere.
 * @example ogFile('card', 'fr', 'journee-portes-ouvertes') // "og/card/fr/journee-portes-ouvertes.png"
 */
export const ogFile = (kind: OgKind, locale: string, slug: string) => `og/${kind}/${locale}/${slug}.png`;

/** The square visual of a share card inside the build output. */
export const squareFile = (locale: string, slug: string) => `og/card-square/${locale}/${slug}.png`;
