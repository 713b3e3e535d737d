/**
 * `<relais-proposal data-email data-subject data-sent data-today data-hub data-second data-why
 * data-intro>` around the suggestion form: on submit, builds the card front matter
 * (`src/share/proposal.ts`) from the fields. The e-mail button then opens a `mailto:` whose
 * body holds it and takes the visitor to `data-sent`; the endpoint button posts the form with
 * the front matter in its `card` field. Without this script the form still posts as is.
 */
import { cardFrontMatter, mailBody, mailtoHref, type Proposal } from '../../share/proposal.ts';

class RelaisProposal extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    if (!form || form.dataset.ready) return;
    form.dataset.ready = '1';
    form.addEventListener('submit', (event) => {
      const d = this.dataset;
      const data = new FormData(form);
      const field = (name: string) => String(data.get(name) ?? '');
      const proposal: Proposal = {
        kind: field('kind') === 'idea' ? 'idea' : 'link',
        title: field('title'),
        url: field('url'),
        theme: field('theme'),
        text: field('text'),
        why: field('why'),
      };
      const today = d.today ?? new Date().toISOString().slice(0, 10);
      const placeholders = { url: d.hub ?? '', secondVariant: d.second ?? '', why: d.why ?? '' };
      const card = form.querySelector<HTMLInputElement>('input[name="card"]');
      if (card) card.value = cardFrontMatter(proposal, today, placeholders);
      const submitter = (event as SubmitEvent).submitter as HTMLElement | null;
      if (submitter?.dataset.channel !== 'email' || !d.email) return;
      event.preventDefault();
      const body = mailBody(proposal, today, placeholders, d.intro ?? '');
      window.location.href = mailtoHref(d.email, `${d.subject ?? ''} : ${proposal.title}`, body);
      // The mail client has taken the link; the visitor lands on the thank-you page.
      setTimeout(() => window.location.assign(d.sent ?? '.'), 300);
    });
  }
}

if (!customElements.get('relais-proposal')) customElements.define('relais-proposal', RelaisProposal);
