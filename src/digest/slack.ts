import type { DigestView } from './view.ts';

/** Block Kit's documented limits (api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  url: 3000,
  altText: 2000,
  contextElements: 10,
};

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
/** mrkdwn needs `&`, `<` and `>` escaped; link labels are written `<url|label>`. */
const mrk = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Block = Record<string, unknown>;

/** The digest as a Slack message (incoming webhook payload): same sections, same links as the e-mail. */
export function slackMessage(v: DigestView): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(v.subject, SLACK_LIMITS.headerText), emoji: false } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: mrk(v.intro) }] },
  ];
  for (const s of v.sections) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: cut(`*${mrk(s.title)}*${s.note ? `\n${mrk(s.note)}` : ''}`, SLACK_LIMITS.sectionText),
      },
    });
    for (const i of s.items) {
      const text = `*<${i.url}|${mrk(i.title)}>*\n${mrk(i.text)}${i.meta ? `\n_${mrk(i.meta)}_` : ''}`;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: cut(text, SLACK_LIMITS.sectionText) },
        ...(i.image
          ? { accessory: { type: 'image', image_url: i.image.url, alt_text: cut(i.image.alt, SLACK_LIMITS.altText) } }
          : {}),
      });
      if (i.button)
        blocks.push({
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: cut(i.button.label, SLACK_LIMITS.buttonText) },
              url: i.button.url,
              style: 'primary',
            },
          ],
        });
    }
  }
  blocks.push({ type: 'divider' });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${mrk(v.footer)} <${v.hubUrl}|${mrk(v.hubLabel)}> · <${v.archiveUrl}|${mrk(v.archiveLabel)}>`,
      },
    ],
  });
  if (blocks.length > SLACK_LIMITS.blocks) {
    // Keep the header and the footer; drop items from the end of the middle.
    blocks.splice(SLACK_LIMITS.blocks - 2, blocks.length - SLACK_LIMITS.blocks);
  }
  return { text: `${v.subject}: ${v.preheader}`, blocks };
}
