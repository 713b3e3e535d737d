import { fr } from '../../src/i18n/fr.ts';

const dictionary: Record<string, string> = fr;

/** Key prefixes of the French dictionary (`level`, `theme`, `challenges`…), in dictionary order. */
const prefixes = [...new Set(Object.keys(dictionary).map((k) => k.slice(0, k.lastIndexOf('.'))))];

/**
 * Options of a select, labelled with the words employees read on the site: the first
 * dictionary prefix that names every value (`level.debutant`, `level.avance`…) gives the
 * labels, so the CMS and the site cannot drift apart. Values no prefix covers keep their
 * raw value as label.
 * @example selectOptions(['rse', 'produits']) // [{ value: 'rse', label: 'RSE' }, …]
 */
export function selectOptions(values: readonly string[]): { label: string; value: string }[] {
  const prefix = prefixes.find((p) => values.every((v) => `${p}.${v}` in dictionary));
  return values.map((value) => ({ value, label: prefix ? (dictionary[`${prefix}.${value}`] ?? value) : value }));
}
