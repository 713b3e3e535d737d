/**
 * Bump when a template changes how images look: it is part of every cache key, so the next
 * build renders every image again instead of serving stale ones.
 */
export const templateVersion = 1;
