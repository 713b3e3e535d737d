/**
 * Checks the whole content folder (schemas, references, short codes, uids, slugs) and prints every problem
 * with its file and field. Exit code 0 when the content is valid, 1 otherwise, 2 on bad usage.
 */
import { resolve } from 'node:path';
import { getDashboards } from '../src/lib/dashboards.ts';
import { formatProblems } from '../src/model/errors.ts';
import { loadContent } from '../src/model/load.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm run check:content [-- --root DIR]

Validates every entry of content/ against the content model, then the references between
entries, the uniqueness of short codes and event uids, and slugs (no two entries of a
collection, nor an entry and a page of src/pages, at one address, in either language), and
the objectives (content/settings/objectives.yaml: known teams, a deadline not yet past, a
target not already reached during the baseline, against .relais/dashboards.json or
$RELAIS_DASHBOARDS when it exists; these objective checks are warnings, printed but
not failing, since they depend on the day and the data rather than on the files).
Prints one line per problem:
  content/<collection>/<locale>/<file>.md: **field.path**: what was expected
Exit codes: 0 valid, 1 problems found, 2 bad arguments.`);
  process.exit(0);
}
const rootIndex = args.indexOf('--root');
if (args.length && (rootIndex !== 0 || args.length !== 2)) {
  console.error(`Argument inconnu : ${args.join(' ')} (voir --help)`);
  process.exit(2);
}
const root = resolve(rootIndex === 0 ? (args[1] ?? '.') : '.');
// Objectives' targets are checked against the baseline when aggregates exist (`npm run dashboards`).
const { entries, problems, warnings } = loadContent(root, 'content', undefined, { dashboards: getDashboards() });
if (warnings.length) console.warn(`${formatProblems(warnings)}\n${warnings.length} avertissement(s)\n`);
if (problems.length) {
  console.error(formatProblems(problems));
  console.error(`\n${problems.length} problème(s) dans ${root}/content`);
  process.exit(1);
}
console.log(`${entries.length} entrées valides.`);
