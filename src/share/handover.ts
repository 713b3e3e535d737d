/**
 * What the card page hands over to the share route in sessionStorage: which variant, the text
 * as the visitor edited it, and whether it was already copied (for link-only networks).
 */
export const handoverKey = 'relais:share';
export interface Handover {
  card: string;
  v: number;
  text: string;
  copied: boolean;
}
