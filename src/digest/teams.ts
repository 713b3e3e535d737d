import type { DigestView } from './view.ts';

/** An Adaptive Card 1.5 element or action (plain JSON, as Teams receives it). */
type Json = Record<string, unknown>;

/**
 * The digest as a Microsoft Teams message: an Adaptive Card 1.5 wrapped in the `message`
 * envelope incoming webhooks and Power Automate flows accept. Images are the hub's absolute
 * URLs; every card gets one `Action.OpenUrl` through the hub's share route.
 */
export function teamsCard(v: DigestView): Json {
  const body: Json[] = [
    { type: 'TextBlock', text: v.subject, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: v.intro, wrap: true, isSubtle: true, spacing: 'Small' },
  ];
  for (const s of v.sections) {
    body.push({
      type: 'TextBlock',
      text: s.title,
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      separator: true,
      spacing: 'Large',
    });
    if (s.note) body.push({ type: 'TextBlock', text: s.note, wrap: true });
    for (const i of s.items) {
      const text: Json[] = [
        { type: 'TextBlock', text: `[${md(i.title)}](${i.url})`, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: md(i.text), wrap: true, spacing: 'Small' },
        ...(i.meta
          ? [{ type: 'TextBlock', text: md(i.meta), wrap: true, isSubtle: true, spacing: 'None', size: 'Small' }]
          : []),
        ...(i.button
          ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: i.button.label, url: i.button.url }] }]
          : []),
      ];
      body.push(
        i.image
          ? {
              type: 'ColumnSet',
              columns: [
                {
                  type: 'Column',
                  width: 'auto',
                  items: [{ type: 'Image', url: i.image.url, altText: i.image.alt, size: 'Medium' }],
                },
                { type: 'Column', width: 'stretch', items: text },
              ],
            }
          : { type: 'Container', items: text },
      );
    }
  }
  body.push({ type: 'TextBlock', text: md(v.footer), wrap: true, isSubtle: true, size: 'Small', separator: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.5',
          lang: v.locale,
          body,
          actions: [
            { type: 'Action.OpenUrl', title: v.hubLabel, url: v.hubUrl },
            { type: 'Action.OpenUrl', title: v.archiveLabel, url: v.archiveUrl },
          ],
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

/** Adaptive Cards read a Markdown subset: brackets and asterisks in titles would be taken for it. */
const md = (s: string) => s.replace(/([[\]*_])/g, '\\$1');
