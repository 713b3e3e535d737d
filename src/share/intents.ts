import type { Network } from '../model/schemas/networks.ts';

/** What a share intent needs: the tagged link, the post's text, a subject for e-mail. */
export interface ShareInput {
  url: string;
  text: string;
  subject: string;
}

/**
 * Networks whose share dialog takes only a link: the text cannot be prefilled, so the hub
 * copies it to the clipboard first and says so.
 */
export const linkOnly: ReadonlySet<Network> = new Set(['linkedin', 'facebook']);

const q = encodeURIComponent;

/**
 * The address of each network's share intent. Each is the network's documented public
 * entry point for sharing a link; none needs an API key or a script from the network.
 */
export function intentUrl(network: Network, { url, text, subject }: ShareInput): string {
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`;
    case 'x':
      return `https://x.com/intent/post?text=${q(text)}&url=${q(url)}`;
    case 'email':
      return `mailto:?subject=${q(subject)}&body=${q(`${text}\n\n${url}`)}`;
    case 'teams':
      return `https://teams.microsoft.com/share?href=${q(url)}&msgText=${q(text)}&preview=true`;
    case 'whatsapp':
      return `https://wa.me/?text=${q(`${text} ${url}`)}`;
  }
}
