import { css } from 'lit';

/**
 * Shared looks for buttons, notices and sections. Colours are the design tokens of app.css (light and dark); the
 * fallbacks only matter where app.css is not loaded (component tests).
 */
export const controlStyles = css`
  .btn { font: inherit; font-size: 0.93rem; font-weight: 500; padding: 0.45rem 0.85rem; border-radius: 8px;
    border: 1px solid var(--lt-border, #d0d5dd); background: var(--lt-field, #fff); color: inherit; cursor: pointer;
    white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
  .btn:hover { background: var(--lt-hover, #f2f4f7); }
  .btn.primary { background: var(--lt-accent, #3d6bf2); border-color: transparent; color: var(--lt-on-accent, #fff); }
  .btn.danger { background: var(--lt-danger, #d92d20); border-color: transparent; color: var(--lt-on-danger, #fff); }
  .btn.small { font-size: var(--lt-text-sm, 0.87rem); padding: 0.25rem 0.55rem; border-radius: 6px; }
  .btn.ghost { border-color: transparent; background: transparent; }
  .btn.ghost:hover { background: var(--lt-hover, #f2f4f7); }
  .btn.primary:hover, .btn.danger:hover { filter: brightness(1.08); }
  .btn:disabled { opacity: 0.6; cursor: default; filter: none; }
  .btn:focus-visible, a:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible,
  textarea:focus-visible, button:focus-visible, [tabindex]:focus-visible {
    outline: 2px solid var(--lt-accent, #3d6bf2); outline-offset: 2px; }
  a { color: var(--lt-link, #3559d8); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .muted { color: var(--lt-muted, #667085); }
  .sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
  .outcome { margin: 0.75rem 0; padding: 0.55rem 0.8rem; border-radius: 8px; overflow-wrap: anywhere;
    background: var(--lt-ok-bg, #ecfdf3); color: var(--lt-ok, #067647); }
  .outcome.error { background: var(--lt-danger-bg, #fef3f2); color: var(--lt-danger-text, #b42318); }
  .confirm { margin: 0.6rem 0 0; padding: 0.75rem 0.85rem; border-radius: 10px; border: 1px solid var(--lt-border, #eaecf0);
    background: var(--lt-surface, #f9fafb); }
  .confirm p { margin: 0 0 0.6rem; overflow-wrap: anywhere; }
  details > summary { cursor: pointer; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.82rem; margin: 0.5rem 0 0; padding: 0.6rem 0.75rem;
    border-radius: 8px; background: var(--lt-surface, #f9fafb); border: 1px solid var(--lt-border, #eaecf0);
    max-height: 20rem; overflow: auto; }
`;

/** A bordered block with a heading, as the Diagnostics sections and the recovery screen use. */
export const sectionStyles = css`
  section.card { border: 1px solid var(--lt-border, #eaecf0); border-radius: 12px; padding: 1rem 1.1rem 1.1rem;
    margin: 0 0 1rem; min-width: 0; }
  section.card > h2, section.card > header h2 { font-size: 1rem; margin: 0; }
  section.card > header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
    justify-content: space-between; margin-bottom: 0.75rem; }
  section.card > h2 { margin-bottom: 0.75rem; }
`;

/** Form fields: text, number, time and colour inputs and selects, with the field's message beside them. */
export const fieldStyles = css`
  input:not([type='checkbox']):not([type='radio']):not([type='color']):not([type='file']), select, textarea {
    font: inherit; font-size: var(--lt-text-md, 0.93rem); color: inherit; background: var(--lt-field, #fff);
    border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius, 8px); padding: 0.4rem 0.55rem;
    min-width: 0; max-width: 100%; box-sizing: border-box; }
  input[type='color'] { inline-size: 2.4rem; block-size: 2rem; padding: 2px; border: 1px solid var(--lt-border, #d0d5dd);
    border-radius: var(--lt-radius, 8px); background: var(--lt-field, #fff); cursor: pointer; }
  input[type='checkbox'], input[type='radio'] { accent-color: var(--lt-accent, #3d6bf2); inline-size: 1rem; block-size: 1rem; }
  [aria-invalid='true'] { border-color: var(--lt-danger, #d92d20) !important; }
  .field-error { color: var(--lt-danger-text, #b42318); font-size: var(--lt-text-sm, 0.87rem); margin: 0.25rem 0 0;
    overflow-wrap: anywhere; }
  .hint { color: var(--lt-muted, #5d6b82); font-size: var(--lt-text-sm, 0.87rem); margin: 0.15rem 0 0; }
  label { cursor: default; }
`;

/** Modal dialogs (<dialog> opened with showModal): a card over a dimmed window, fitting narrow screens. */
export const dialogStyles = css`
  dialog { border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius-lg, 12px); padding: 0;
    background: var(--lt-bg, #fff); color: var(--lt-text, #101828); box-shadow: 0 12px 40px var(--lt-shadow, rgb(0 0 0 / 0.2));
    inline-size: min(34rem, calc(100vw - 1.5rem)); max-block-size: calc(100vh - 2rem); box-sizing: border-box; }
  dialog::backdrop { background: rgb(16 24 40 / 0.45); }
  dialog form, dialog .body { padding: var(--lt-space-4, 1rem) var(--lt-space-5, 1.5rem); }
  dialog h2 { font-size: var(--lt-text-lg, 1.1rem); margin: 0 0 var(--lt-space-3, 0.75rem); overflow-wrap: anywhere; }
  dialog .actions { justify-content: flex-end; margin-top: var(--lt-space-4, 1rem); }
  @media (max-width: 30rem) { dialog form, dialog .body { padding: var(--lt-space-3, 0.75rem) var(--lt-space-4, 1rem); } }
`;
