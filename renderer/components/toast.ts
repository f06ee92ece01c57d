import { css, html, nothing } from 'lit';

export interface ToastMessage {
  text: string;
  /** an error stays until dismissed and is announced as an alert */
  error?: boolean;
  /** the one button: Undo, Redo, Dismiss */
  button?: { label: string; run: () => void };
  /** a sentence to read whole (a reminder): wraps instead of being cut */
  wrap?: boolean;
}

/** One short message at the bottom of the window, with at most one button; long text is cut, the tooltip has it all. */
export function toast(m: ToastMessage | null, hold?: (held: boolean) => void) {
  if (!m) return nothing;
  // a toast being read or reached by Tab stays until the pointer or focus leaves it
  return html`<div class=${`toast${m.error ? ' error' : ''}${m.wrap ? ' wrap' : ''}`} role=${m.error ? 'alert' : 'status'}
    @mouseenter=${() => hold?.(true)} @mouseleave=${() => hold?.(false)}
    @focusin=${() => hold?.(true)} @focusout=${() => hold?.(false)}>
    <span title=${m.text}>${m.text}</span>
    ${m.button ? html`<button type="button" @click=${m.button.run}>${m.button.label}</button>` : nothing}
  </div>`;
}

/**
 * Moves the toast to the top of the window while it would cover the element that has focus (the add row's fields
 * sit at the bottom on a short window), and back down otherwise.
 */
export function placeToast(toastEl: HTMLElement | null | undefined): void {
  if (!toastEl) return;
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  toastEl.classList.remove('top');
  if (!active || active === document.body || toastEl.contains(active)) return;
  const a = active.getBoundingClientRect();
  const t = toastEl.getBoundingClientRect();
  toastEl.classList.toggle('top', a.left < t.right && a.right > t.left && a.top < t.bottom && a.bottom > t.top);
}

export const toastStyles = css`
  .toast { position: fixed; left: 50%; bottom: 1.25rem; transform: translateX(-50%); display: flex; gap: 0.75rem;
    align-items: center; padding: 0.6rem 0.9rem; border-radius: 10px; background: #1d2939; color: #fff; z-index: 2;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.2); max-width: calc(100% - 2rem); box-sizing: border-box; }
  .toast span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
  .toast.top { bottom: auto; top: 1.25rem; }
  .toast.wrap { align-items: center; inline-size: max-content; max-inline-size: min(36rem, calc(100% - 2rem)); }
  .toast.wrap span { white-space: normal; overflow-wrap: anywhere; }
  .toast.error { background: #b42318; }
  .toast button { font: inherit; color: inherit; background: rgb(255 255 255 / 0.15); border: 0; border-radius: 6px;
    padding: 0.25rem 0.6rem; cursor: pointer; flex: none; }
  .toast button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
`;
