import type { z } from 'astro/zod';

/** A problem found in the content, with where it is and what was expected. */
export interface Problem {
  /** Path relative to the project root, e.g. `content/cards/fr/x.md`. */
  file: string;
  /** Dotted field path, e.g. `variants.1.text`; empty for the whole file. */
  field: string;
  message: string;
}

/** `content/x.md: **variants.1.text**: message`, one line per problem (Starlight's style). */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}: ${p.field ? `**${p.field}**: ` : ''}${p.message}`).join('\n');
}

/** Turns zod issues into problems that name the field and what was expected. */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.map(String).join('.'),
    message: describe(issue),
  }));
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `requis (${issue.expected})` : `attendu : ${issue.expected}`;
    case 'invalid_value':
      return `attendu l’une des valeurs ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Thrown when the content does not hold together; its message lists every problem. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`Le contenu contient ${problems.length} erreur(s) :\n${formatProblems(problems)}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
