import type { CMS } from 'decap-cms-core';
import { CapsulePreview } from './capsule.ts';
import { CardPreview } from './card.ts';
import { GuidelinePreview } from './guideline.ts';
import { TestimonialPreview } from './testimonial.ts';

/**
 * Previews for the entries employees read most, drawn with the site's stylesheet (registered
 * by `cms.ts`) so that editors see what will be published. Other collections use Decap's
 * generic preview.
 */
export function registerPreviews(cms: Pick<CMS, 'registerPreviewTemplate'>): void {
  cms.registerPreviewTemplate('cards', CardPreview);
  cms.registerPreviewTemplate('capsules', CapsulePreview);
  cms.registerPreviewTemplate('guidelines', GuidelinePreview);
  cms.registerPreviewTemplate('testimonials', TestimonialPreview);
}
