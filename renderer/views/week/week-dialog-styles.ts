import { css } from 'lit';

/** The week view's modal dialogs (session editor, overlap choices). */
export const dialogStyles = css`
  dialog { border: 1px solid var(--lt-border, #eaecf0); border-radius: 12px; padding: 1rem 1.1rem;
    width: min(28rem, calc(100vw - 2rem)); box-sizing: border-box; background: var(--lt-field, #fff); color: inherit;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25); }
  dialog::backdrop { background: rgb(16 24 40 / 0.45); }
  h2 { font-size: 1.05rem; margin: 0 0 0.8rem; overflow-wrap: anywhere; }
  label { display: grid; gap: 0.2rem; font-size: 0.88rem; margin: 0 0 0.7rem; min-width: 0; }
  label.check { display: flex; align-items: center; gap: 0.45rem; }
  input, select { font: inherit; padding: 0.4rem 0.55rem; border-radius: 8px; border: 1px solid var(--lt-border, #d0d5dd);
    background: var(--lt-field, #fff); color: inherit; min-width: 0; box-sizing: border-box; width: 100%; }
  input[type='checkbox'] { width: auto; }
  input:focus-visible, select:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
  .times { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 0.75rem; }
  .problem { color: var(--lt-danger-text, #b42318); margin: 0 0 0.6rem; overflow-wrap: anywhere; }
  .problem:empty { display: none; }
  ul { margin: 0 0 0.9rem; padding-left: 1.2rem; }
  li { overflow-wrap: anywhere; margin: 0.2rem 0; }
  .actions { justify-content: flex-end; }
  /* white on the accent blue is 3.7:1; dialogs use the darker link blue so their main button reads at 4.5:1 or more */
  .btn.primary { background: var(--lt-accent, #3a64e8); }
  .actions .spacer { flex: 1; }
`;
