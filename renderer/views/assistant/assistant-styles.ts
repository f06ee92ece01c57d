import { css } from 'lit';

/** The Assistant view's layout: the conversation list beside the conversation; stacked on narrow windows. */
export const assistantStyles = css`
  :host { display: block; min-width: 0; }
  .layout { display: grid; grid-template-columns: minmax(13rem, 17rem) minmax(0, 1fr); gap: 1rem; align-items: start; }
  aside { display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; position: sticky; top: 0.5rem; }
  aside input[type='search'] { inline-size: 100%; }
  .list { block-size: min(60vh, 36rem); border: 1px solid var(--lt-border, #eaecf0); border-radius: 10px; overflow: auto; }
  .conv { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 0.25rem; inline-size: 100%;
    box-sizing: border-box; padding: 0.45rem 0.55rem; border-bottom: 1px solid var(--lt-track, #eaecf0); }
  .conv button.open { all: unset; cursor: pointer; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .conv button.open:focus-visible { outline: 2px solid var(--lt-accent, #3d6bf2); outline-offset: 2px; }
  .conv[aria-current='true'] { background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf); }
  .conv .pin { color: var(--lt-warn, #b54708); }
  .chat { display: flex; flex-direction: column; gap: 0.75rem; min-width: 0; }
  .chat > header { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; }
  .chat > header .toolbar { flex-basis: 100%; }
  .chat > header h2 { font-size: var(--lt-text-lg, 1.1rem); margin: 0; min-width: 0; overflow-wrap: anywhere; }
  .messages { display: flex; flex-direction: column; gap: 0.75rem; }
  .empty { padding: 1.5rem 1rem; border: 1px dashed var(--lt-border, #d0d5dd); border-radius: 12px; }
  .empty ul { margin: 0.5rem 0 0; padding-inline-start: 1.2rem; }
  .empty button { all: unset; cursor: pointer; color: var(--lt-link, #3559d8); text-decoration: underline; }
  form.ask { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.5rem; align-items: end;
    position: sticky; bottom: 0; padding: 0.5rem 0; background: var(--lt-bg, #fff); }
  form.ask textarea { inline-size: 100%; min-block-size: 2.6rem; resize: vertical; }
  .notice { font-size: var(--lt-text-sm, 0.87rem); }
  .notice.warn { color: var(--lt-warn, #b54708); margin: 0; }
  .panel { border: 1px solid var(--lt-border, #eaecf0); border-radius: 12px; padding: 0.75rem 1rem; }
  form.panel { display: grid; gap: 0.35rem; }
  form.panel textarea { inline-size: 100%; box-sizing: border-box; }
  .panel h3 { font-size: var(--lt-text-md, 0.93rem); margin: 0 0 0.5rem; }
  .empty p { margin: 0; }
  .btn[aria-expanded='true'] { background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf); }
  @media (max-width: 46rem) {
    .layout { grid-template-columns: minmax(0, 1fr); }
    aside { position: static; }
    .list { block-size: 11rem; }
  }
`;

/** One message: the question, or the answer with its tool calls, proposals and usage line. */
export const messageStyles = css`
  :host { display: block; min-width: 0; }
  .q { justify-self: end; margin-inline-start: auto; max-inline-size: 85%; padding: 0.5rem 0.8rem; border-radius: 12px;
    background: var(--lt-selected, #e8eeff); color: var(--lt-selected-text, #2f4fbf); white-space: pre-wrap; overflow-wrap: anywhere; }
  .a { padding: 0.15rem 0; }
  .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; margin: 0.25rem 0; }
  details.tool { border: 1px solid var(--lt-border, #eaecf0); border-radius: 8px; padding: 0.35rem 0.6rem; margin: 0.35rem 0;
    font-size: var(--lt-text-sm, 0.87rem); }
  details.tool summary { color: var(--lt-muted, #5d6b82); }
  details.tool.failed summary { color: var(--lt-danger-text, #b42318); }
  .meta { font-size: var(--lt-text-xs, 0.78rem); color: var(--lt-muted, #5d6b82); margin-top: 0.25rem; }
  .failure { margin: 0.35rem 0; padding: 0.45rem 0.7rem; border-radius: 8px; background: var(--lt-danger-bg, #fef3f2);
    color: var(--lt-danger-text, #b42318); overflow-wrap: anywhere; }
  .proposal { border: 1px solid var(--lt-accent, #3d6bf2); border-radius: 10px; padding: 0.6rem 0.75rem; margin: 0.5rem 0; }
  .proposal h3 { font-size: var(--lt-text-md, 0.93rem); margin: 0 0 0.4rem; overflow-wrap: anywhere; }
  .proposal dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.25rem 0.75rem; margin: 0 0 0.5rem;
    font-size: var(--lt-text-sm, 0.87rem); }
  .proposal dt { color: var(--lt-muted, #5d6b82); }
  .proposal dd { margin: 0; overflow-wrap: anywhere; }
  .proposal .changed { background: var(--lt-warn-bg, #fffaeb); border-radius: 4px; padding: 0 0.2rem; font-weight: 600; }
  .proposal .gone { text-decoration: line-through; }
  .proposal .status { font-size: var(--lt-text-sm, 0.87rem); }
  .cursor::after { content: '▍'; animation: blink 1s steps(1) infinite; color: var(--lt-muted, #5d6b82); }
  @keyframes blink { 50% { opacity: 0; } }
  @media (prefers-reduced-motion: reduce) { .cursor::after { animation: none; } }
`;
