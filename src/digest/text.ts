import type { DigestView } from './view.ts';

/** The plain-text part: readable on its own, every link written out in full. */
export function digestText(v: DigestView, unsubscribe: string, unsubscribeLabel: string): string {
  const sep = v.locale === 'fr' ? ' : ' : ': ';
  const out: string[] = [v.subject, '='.repeat(Math.min(72, v.subject.length)), '', v.intro, ''];
  for (const section of v.sections) {
    out.push(section.title.toUpperCase(), '-'.repeat(section.title.length));
    if (section.note) out.push(section.note);
    for (const item of section.items) {
      out.push('', `* ${item.title}`, `  ${item.text}`);
      if (item.meta) out.push(`  ${item.meta}`);
      if (item.button) out.push(`  ${item.button.label}${sep}${item.button.url}`);
      out.push(`  ${item.url}`);
    }
    out.push('');
  }
  out.push(
    '--',
    v.footer,
    `${v.hubLabel}${sep}${v.hubUrl}`,
    `${v.archiveLabel}${sep}${v.archiveUrl}`,
    `${unsubscribeLabel}${sep}${unsubscribe}`,
    '',
  );
  return out.join('\n');
}
