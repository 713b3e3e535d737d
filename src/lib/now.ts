/**
 * The build's "now": what is new this week, which cards expired, which events are past.
 * `RELAIS_NOW` pins it (ISO date) so tests and screenshots are reproducible.
 */
export const now: Date = process.env.RELAIS_NOW ? new Date(process.env.RELAIS_NOW) : new Date();

const WEEK = 7 * 24 * 3600 * 1000;

/** Published within the last seven days (and not in the future). */
export const isNewThisWeek = (date: Date, at: Date = now) => date <= at && at.getTime() - date.getTime() < WEEK;
