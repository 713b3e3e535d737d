/** `decap-cms-locales` ships no typings: each export is a tree of interface phrases. */
declare module 'decap-cms-locales' {
  type Phrases = { [key: string]: string | Phrases };
  export const fr: Phrases;
}
