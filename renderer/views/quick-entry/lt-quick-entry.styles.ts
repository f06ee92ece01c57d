import { css } from 'lit';

/** The line and its highlight layer share one box model, so every token sits exactly under its characters. */
export const quickEntryStyles = css`
  :host { display: block; font-size: 1rem; min-width: 0; }
  .field { position: relative; display: grid; border: 1px solid var(--lt-border, #d0d5dd); border-radius: 10px;
    background: var(--lt-field, #fff); overflow: hidden; }
  .field:focus-within { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
  .overlay, input { grid-area: 1 / 1; font: inherit; font-size: 1.05rem; letter-spacing: normal; line-height: 1.5;
    padding: 0.6rem 0.8rem; margin: 0; border: 0; white-space: pre; min-width: 0; box-sizing: border-box; width: 100%; }
  .overlay { pointer-events: none; overflow: hidden; color: inherit; }
  .overlay > .line { display: inline-block; will-change: transform; }
  input { background: transparent; color: transparent; caret-color: CanvasText; outline: none; }
  input::placeholder { color: var(--lt-muted, #667085); }
  input::selection { background: color-mix(in srgb, var(--lt-accent, #4f7cff) 35%, transparent); color: transparent; }
  .t { border-radius: 4px; box-shadow: 0 0 0 1px currentColor inset; }
  .t-project { color: var(--lt-qe-project, #3559d8); background: color-mix(in srgb, #4f7cff 14%, transparent); }
  .t-tag { color: var(--lt-qe-tag, #8a3fd1); background: color-mix(in srgb, #a15de8 14%, transparent); }
  .t-time, .t-duration { color: var(--lt-qe-time, #067647); background: color-mix(in srgb, #22a06b 14%, transparent); }
  .t-day { color: var(--lt-qe-day, #b54708); background: color-mix(in srgb, #d99a00 16%, transparent); }
  .t-billable { color: var(--lt-qe-billable, #0f7a8a); background: color-mix(in srgb, #0f9fb5 16%, transparent); }
  .t-command { color: var(--lt-qe-command, #b42318); background: color-mix(in srgb, #e5684e 14%, transparent); }
  .bad { text-decoration: underline wavy var(--lt-danger, #d92d20); text-decoration-skip-ink: none; }
  @media (prefers-color-scheme: dark) {
    :host { --lt-qe-project: #9db5ff; --lt-qe-tag: #d3b2ff; --lt-qe-time: #75e0a7; --lt-qe-day: #fdb022;
      --lt-qe-billable: #6fd8e8; --lt-qe-command: #fda29b; }
  }
  ul { list-style: none; margin: 0.35rem 0 0; padding: 0.25rem; border: 1px solid var(--lt-border, #d0d5dd);
    border-radius: 10px; background: var(--lt-field, #fff); max-height: 16rem; overflow: auto; }
  li .detail { color: var(--lt-muted, #5d6b82); }
  li[aria-selected='true'] .detail { color: inherit; }
  li { padding: 0.35rem 0.6rem; border-radius: 6px; cursor: pointer; overflow: hidden; text-overflow: ellipsis;
    white-space: nowrap; }
  li[aria-selected='true'] { background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf);
    outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: -2px; }
  li b { font-weight: 700; }
  .preview { margin: 0.5rem 0.2rem 0; min-height: 1.4em; color: var(--lt-muted, #667085); overflow-wrap: anywhere; }
  .preview.ok { color: inherit; }
  .problems { margin: 0.35rem 0.2rem 0; padding: 0; list-style: none; border: 0; max-height: none; background: none; }
  .problems li { padding: 0; white-space: normal; color: var(--lt-danger-text, #b42318); cursor: default; }
  .outcome { margin: 0.4rem 0.2rem 0; color: var(--lt-ok, #067647); }
  .outcome.error { color: var(--lt-danger-text, #b42318); }
  .choice { margin-top: 0.5rem; padding: 0.6rem 0.75rem; border-radius: 10px; border: 1px solid var(--lt-border, #eaecf0);
    background: var(--lt-surface, #f9fafb); }
  .choice p { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
  .hint { margin: 0.35rem 0.2rem 0; font-size: 0.82rem; color: var(--lt-muted, #667085); }
  kbd { font: inherit; font-size: 0.78rem; padding: 0 0.3rem; border: 1px solid var(--lt-border, #d0d5dd); border-radius: 4px; }
`;
