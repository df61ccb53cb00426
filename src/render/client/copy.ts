// Copy-link buttons: copy the full docs_url, show "Copied" for a moment. One listener for
// every button of the page (1,000 listeners cost a deep link 40 ms on 1,000 codes).
import { paintsWhenShown } from './colours-data.ts';

const listening = new WeakSet<Document>();

export function initCopyButtons(root: Document): void {
  if (listening.has(root)) return;
  listening.add(root);
  // A large page's buttons are named as their sections are shown (client/highlight.ts).
  if (!paintsWhenShown(root)) for (const section of root.querySelectorAll('section.ec-code')) labelCopyLink(section);
  const timers = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();
  root.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button.ec-copy');
    if (!button) return;
    const url = docsUrlOf(button);
    let ok = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      ok = false;
    }
    button.textContent = ok ? 'Copied' : 'Copy failed';
    button.dataset.state = ok ? 'copied' : 'failed';
    announce(root, ok ? `Link copied: ${url}` : `Could not copy. The link is ${url}`);
    clearTimeout(timers.get(button));
    timers.set(
      button,
      setTimeout(() => {
        button.textContent = COPY_LINK_TEXT;
        delete button.dataset.state;
      }, 2000),
    );
  });
}

function announce(root: Document, text: string): void {
  const region = root.getElementById('ec-copy-status');
  if (region) region.textContent = text;
}

/** The copy-link button's text before it is clicked (CopyLinkButton.astro builds the same). */
export const COPY_LINK_TEXT = 'Copy link';

/**
 * Names a section's copy-link button after its code ("Copy link to <code>"): the page
 * carries the name once, in the heading's id, not again in every button. A large page is
 * built without the buttons (one element and a form control less per code, which its parse
 * pays 10,000 times): the button is added here, as its section is shown, in the place its
 * stand-in (errors.css, `.ec-code-head::after`) kept for it, so nothing moves.
 */
export function labelCopyLink(section: Element): void {
  const head = section.querySelector('.ec-code-head');
  let button = head?.querySelector('button.ec-copy');
  if (head && !button) {
    button = section.ownerDocument.createElement('button');
    button.className = 'ec-copy';
    button.textContent = COPY_LINK_TEXT;
    head.append(button);
    head.classList.add('ec-has-copy');
  }
  const code = section.querySelector('h3')?.id;
  if (button && code && !button.hasAttribute('aria-label')) button.setAttribute('aria-label', `Copy link to ${code}`);
}

/** The code's docs_url: the page's docs_url plus the code of the button's section. */
export function docsUrlOf(button: Element): string {
  const base = button.closest<HTMLElement>('[data-docs-url]')?.dataset.docsUrl ?? location.href.replace(/#.*$/, '');
  const code = button.closest('section.ec-code')?.querySelector('h3')?.id ?? '';
  return `${base}#${code}`;
}

/** Example copy buttons (one listener for all): copy the text of the block beside the button. */
export function initExampleCopy(root: Document): void {
  root.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button.ec-copy-code');
    const pre = button?.closest('figure')?.querySelector('pre');
    if (!button || !pre) return;
    let ok = true;
    try {
      await navigator.clipboard.writeText(pre.textContent ?? '');
    } catch {
      ok = false;
    }
    button.textContent = ok ? 'Copied' : 'Copy failed';
    announce(root, ok ? 'Example copied' : 'Could not copy the example');
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}

/** Adds the copy button to an example built without one (a large page's, when shown). */
export function addExampleCopy(figure: Element): void {
  if (figure.querySelector('button.ec-copy-code')) return;
  const button = figure.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'ec-copy-code';
  button.textContent = 'Copy';
  figure.append(button);
}
