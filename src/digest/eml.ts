import type { DigestSettings } from '../model/schemas/digest.ts';

/** The e-mail as nodemailer's message options: the same object is composed to .eml and sent. */
export interface DigestMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Stable per week and locale, so a resent digest is recognisable as the same message. */
  messageId: string;
}

export function digestMail(opts: {
  digest: DigestSettings;
  subject: string;
  text: string;
  html: string;
  week: string;
  locale: string;
  host: string;
}): DigestMail {
  const { digest } = opts;
  const unsubscribe = digest.unsubscribe;
  return {
    from: digest.from,
    to: digest.to,
    subject: opts.subject,
    text: opts.text,
    html: opts.html,
    messageId: `<digest-${opts.week}-${opts.locale}@${opts.host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      ...(unsubscribe.startsWith('https:') ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      'Content-Language': opts.locale,
    },
  };
}

/** The multipart/alternative UTF-8 message (RFC 5322), composed by nodemailer's MailComposer. */
export async function composeEml(mail: DigestMail, date = new Date()): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  return new MailComposer({ ...mail, date, textEncoding: 'quoted-printable' }).compile().build();
}
