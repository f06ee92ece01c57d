import { css } from 'lit';

/** Looks of the Day view's session rows: one line per session, cut with an ellipsis, at any width. */
export const sessionListStyles = css`
  :host { display: block; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; margin: 1rem 0 0.5rem; }
  h2 { font-size: 1rem; margin: 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .total { font-variant-numeric: tabular-nums; font-weight: 600; flex: none; }
  lit-virtualizer, ul.plain { border-top: 1px solid var(--lt-border, #eaecf0); width: 100%; }
  ul.plain { list-style: none; margin: 0; padding: 0; }
  li { list-style: none; width: 100%; box-sizing: border-box; display: grid; align-items: center; gap: 0.6rem;
    grid-template-columns: auto 0.6rem minmax(0, 1fr) auto auto auto; padding: 0.45rem 0.25rem;
    border-bottom: 1px solid var(--lt-border, #eaecf0); cursor: default; }
  li.editing { display: block; background: var(--lt-surface, #f9fafb); }
  li.selected { background: var(--lt-selected, #e8eeff); }
  li.selected .when, li.selected .meta { color: var(--lt-selected-text, #2f4fbf); }
  li:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: -2px; }
  /* keyboard focus shows the whole name and details (the mouse has the tooltip) */
  li:focus-visible .name, li:focus-visible .meta { white-space: normal; overflow-wrap: anywhere; }
  .pick { margin: 0; width: 1rem; height: 1rem; }
  .dot { width: 0.6rem; height: 0.6rem; color: var(--lt-muted, #98a2b3); }
  .main { min-width: 0; display: flex; flex-direction: column; }
  .name, .meta { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .name { cursor: text; }
  .name.unnamed { color: var(--lt-muted, #667085); font-style: italic; }
  .meta { color: var(--lt-muted, #667085); font-size: 0.82rem; }
  .meta:empty { display: none; }
  .overlap-mark { color: var(--lt-warn, #b54708); font-weight: 600; }
  .when { color: var(--lt-muted, #667085); font-variant-numeric: tabular-nums; font-size: 0.88rem; cursor: text;
    white-space: nowrap; }
  .duration { font-variant-numeric: tabular-nums; min-width: 7ch; text-align: right; cursor: text; white-space: nowrap; }
  li.running .duration { color: var(--lt-accent, #4f7cff); font-weight: 600; }
  li.paused .duration, li.paused .when { color: var(--lt-warn, #b54708); font-weight: 600; }
  li.overlap { box-shadow: inset 3px 0 0 var(--lt-warn, #b54708); }
  .buttons { display: flex; gap: 0.1rem; }
  .buttons button { border: 0; background: transparent; color: var(--lt-muted, #667085); cursor: pointer;
    font-size: 1rem; width: 2rem; height: 2rem; border-radius: 6px; }
  .buttons button:hover, .buttons button:focus-visible { background: var(--lt-hover, #f2f4f7); color: CanvasText; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; }
  p.empty { color: var(--lt-muted, #667085); padding: 1rem 0.25rem; }
  .empty button, .notice button { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.6rem; margin-left: 0.5rem;
    border: 1px solid var(--lt-border, #d0d5dd); border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }
  .notice { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.5rem; padding: 0.45rem 0.7rem;
    border-radius: 8px; font-size: 0.9rem; background: var(--lt-warn-bg, #fffaeb); color: var(--lt-warn, #b54708); }
  .notice svg { width: 1rem; height: 1rem; flex: none; }
  .notice span { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .notice a { color: inherit; font-weight: 600; }
  /* narrow windows: start–end goes under the name, which keeps the width */
  @media (max-width: 40rem) {
    li { grid-template-columns: auto 0.6rem minmax(0, 1fr) auto; grid-template-areas:
      'pick dot main duration' 'pick . when buttons'; row-gap: 0.1rem; }
    .pick { grid-area: pick; } .dot { grid-area: dot; } .main { grid-area: main; } .when { grid-area: when; font-size: 0.82rem; }
    .duration { grid-area: duration; } .buttons { grid-area: buttons; justify-self: end; }
    .buttons button { width: 1.8rem; height: 1.8rem; }
  }
`;
