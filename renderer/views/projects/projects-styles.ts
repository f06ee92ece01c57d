import { css } from 'lit';

export const projectsStyles = css`
  :host { display: block; }
  h2.view-title { font-size: var(--lt-text-xl); margin: var(--lt-space-1) 0 var(--lt-space-4); }
  ul.tree, ul.tree ul { list-style: none; margin: 0; padding: 0; }
  ul.tree ul { margin-inline-start: var(--lt-space-5); border-inline-start: 1px solid var(--lt-border); padding-inline-start: var(--lt-space-2); }
  .row { display: grid; grid-template-columns: minmax(0, 1fr) repeat(3, 5.2rem) auto; gap: var(--lt-space-1) var(--lt-space-3);
    align-items: center; padding: var(--lt-space-2) var(--lt-space-1); border-top: 1px solid var(--lt-border); }
  ul.tree > li:first-child > .row { border-top: 0; }
  .row:hover { background: var(--lt-hover); }
  .name { display: flex; align-items: center; gap: var(--lt-space-2); min-width: 0; }
  .name strong { font-weight: 600; }
  .swatch { flex: none; inline-size: 0.8rem; block-size: 0.8rem; border-radius: 4px; background: var(--swatch, var(--lt-muted)); }
  .client { color: var(--lt-muted); font-size: var(--lt-text-sm); }
  .num { text-align: end; font-variant-numeric: tabular-nums; font-size: var(--lt-text-md); }
  .num small { display: none; color: var(--lt-muted); font-size: var(--lt-text-xs); }
  .heads { display: grid; grid-template-columns: minmax(0, 1fr) repeat(3, 5.2rem) auto; gap: var(--lt-space-3);
    padding: 0 var(--lt-space-1) var(--lt-space-1); color: var(--lt-muted); font-size: var(--lt-text-sm); }
  .heads span { text-align: end; }
  .heads .actions-head { inline-size: 9.5rem; }
  .row-actions { display: flex; gap: var(--lt-space-1); justify-content: flex-end; inline-size: 9.5rem; }
  .budget { grid-column: 1 / -1; display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: var(--lt-space-3);
    align-items: center; font-size: var(--lt-text-sm); color: var(--lt-muted); padding-inline-start: 1.3rem; }
  .bar { block-size: 0.45rem; border-radius: 999px; background: var(--lt-track); overflow: hidden; }
  .fill { block-size: 100%; inline-size: var(--used, 0%); background: var(--lt-accent); border-radius: inherit; }
  .bar.over .fill { background: var(--lt-danger); }
  .budget .over-text { color: var(--lt-danger-text); font-weight: 600; }
  .archived .row { opacity: 0.85; }
  .empty { padding: var(--lt-space-3) 0; }
  details.archived-list > summary { padding: var(--lt-space-2) 0; color: var(--lt-muted); }
  @media (max-width: 44rem) {
    .heads { display: none; }
    .row { grid-template-columns: repeat(3, minmax(0, 1fr)); }
    .row > .name { grid-column: 1 / -1; }
    .num { text-align: start; }
    .num small { display: block; }
    .row-actions { grid-column: 1 / -1; justify-content: flex-start; inline-size: auto; order: 2; }
    .budget { padding-inline-start: 0; grid-template-columns: minmax(0, 1fr); gap: var(--lt-space-1); order: 1; }
    ul.tree ul { margin-inline-start: var(--lt-space-2); }
  }
`;
