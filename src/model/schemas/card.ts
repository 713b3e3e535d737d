import { z } from 'astro/zod';
import { dayField, mediaPath, slug } from './common.ts';
import { network, networks, variantLimit } from './networks.ts';

export const cardThemes = ['marque-employeur', 'produits', 'rse', 'evenements', 'recrutement'] as const;
export type CardTheme = (typeof cardThemes)[number];

/** One suggested post; several per card so that ambassadors do not all post the same words. */
const variant = z.object({
  /** Network this text is written for; empty = any network of the card. */
  network: network().optional().meta({ label: 'Réseau' }),
  /** The post itself, within the network's length limit. */
  text: z.string().min(10).meta({ label: 'Texte', widget: 'text' }),
});

/** A share-ready content card. */
export const cardSchema = z
  .object({
    /** What the card is about. */
    title: z.string().min(3).max(120).meta({ label: 'Titre' }),
    /** Editorial theme, used by filters, feeds and challenges. */
    theme: z.enum(cardThemes).meta({ label: 'Thème' }),
    /** Campaign name, if the card belongs to one. */
    campaign: z.string().min(2).optional().meta({ label: 'Campagne' }),
    /** Public page the post links to (UTM parameters are added by the share route). */
    url: z.url({ protocol: /^https?$/ }).meta({ label: 'Lien public' }),
    /** Networks the card is meant for. */
    networks: z
      .array(network())
      .min(1)
      .default([...networks])
      .meta({ label: 'Réseaux' }),
    /** Suggested texts; at least two to avoid the parrot effect. */
    variants: z.array(variant).min(2).meta({ label: 'Variantes de texte' }),
    /** Hashtags without `#`. */
    hashtags: z
      .array(z.string().regex(/^[\p{L}\p{N}_]+$/u, 'sans # ni espace'))
      .default([])
      .meta({ label: 'Hashtags' }),
    /** Visual to attach; generated from the card when absent. */
    image: mediaPath('Visuel').optional(),
    /** Text alternative of the visual. */
    imageAlt: z.string().min(3).optional().meta({ label: 'Description du visuel' }),
    /** First day the card is listed. */
    validFrom: dayField('Visible à partir du'),
    /** Last day it is listed; its page then shows an "expired" notice. */
    validUntil: dayField('Visible jusqu’au').optional(),
    /** Why sharing it matters, in one or two sentences. */
    why: z.string().min(10).max(400).meta({ label: 'Pourquoi partager', widget: 'text' }),
    /**
     * Ids this card had before it was renamed: analytics exports still carry the old id as their
     * campaign (utm_campaign), and the dashboards count those clicks for this card.
     */
    oldSlugs: z.array(slug()).default([]).meta({ label: 'Anciens identifiants' }),
    /** Free tags for search. */
    tags: z.array(slug()).default([]).meta({ label: 'Mots-clés' }),
    /** Drafts are built nowhere. */
    draft: z.boolean().default(false).meta({ label: 'Brouillon' }),
  })
  .superRefine((card, ctx) => {
    const own = card.variants.map((v) => v.network);
    card.variants.forEach((v, i) => {
      const bound = variantLimit(v, card.networks, own);
      if (bound && v.text.length > bound.limit)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'text'],
          message: `${v.text.length} caractères, au-delà de la limite de ${bound.network} (${bound.limit})`,
        });
    });
    if (card.image && !card.imageAlt)
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'requis quand un visuel est donné' });
    if (card.validUntil && card.validUntil < card.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'doit suivre « Visible à partir du »' });
  });
export type CardData = z.output<typeof cardSchema>;
