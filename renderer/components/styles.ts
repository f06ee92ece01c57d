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
  .btn.primary { background: var(--lt-accent, #4f7cff); border-color: transparent; color: #fff; }
  .btn.danger { background: var(--lt-danger, #d92d20); border-color: transparent; color: #fff; }
  .btn.primary:hover, .btn.danger:hover { filter: brightness(1.08); }
  .btn:disabled { opacity: 0.6; cursor: default; filter: none; }
  .btn:focus-visible, a:focus-visible, summary:focus-visible, input:focus-visible {
    outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 2px; }
  a { color: var(--lt-link, #3559d8); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .muted { color: var(--lt-muted, #667085); }
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
