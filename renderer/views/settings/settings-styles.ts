import { css } from 'lit';

export const settingsStyles = css`
  :host { display: block; }
  h2.view-title { font-size: var(--lt-text-xl); margin: var(--lt-space-1) 0 var(--lt-space-4); }
  .search { display: flex; gap: var(--lt-space-2); align-items: center; margin: 0 0 var(--lt-space-4); }
  .search input { flex: 1; font-size: var(--lt-text-md); }
  .field { display: grid; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr); gap: var(--lt-space-2) var(--lt-space-5);
    padding: var(--lt-space-3) 0; border-top: 1px solid var(--lt-border); }
  .field:first-of-type { border-top: 0; padding-top: 0; }
  .field > .label > label, .field > .label > .name { font-weight: 600; display: block; }
  .control { min-width: 0; }
  .inline { display: inline-flex; flex-wrap: wrap; align-items: center; gap: var(--lt-space-2); }
  .number { inline-size: 5.5rem; }
  .wide { inline-size: min(22rem, 100%); }
  .unit { color: var(--lt-muted); }
  .group { display: grid; gap: var(--lt-space-2); }
  .segmented { display: inline-flex; flex-wrap: wrap; border: 1px solid var(--lt-border); border-radius: var(--lt-radius);
    overflow: hidden; max-width: 100%; }
  .segment { position: relative; display: inline-flex; }
  .segment input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
  .segment span { padding: 0.35rem 0.75rem; font-size: var(--lt-text-md); white-space: nowrap; }
  .segment + .segment span { border-inline-start: 1px solid var(--lt-border); }
  .segment input:checked + span { background: var(--lt-selected); color: var(--lt-selected-text); font-weight: 600; }
  .segment input:focus-visible + span { outline: 2px solid var(--lt-accent); outline-offset: -3px; border-radius: 6px; }
  .days { display: flex; flex-wrap: wrap; gap: var(--lt-space-1) var(--lt-space-3); }
  .day { display: inline-flex; gap: var(--lt-space-1); align-items: center; }
  .by-day summary { font-size: var(--lt-text-sm); color: var(--lt-muted); }
  .by-day .day-hours { margin-top: var(--lt-space-2); flex-wrap: nowrap; }
  .by-day .day-name { min-inline-size: 2.6rem; }
  .none { padding: var(--lt-space-4) 0; }
  ol.history { list-style: none; margin: 0; padding: 0; }
  ol.history li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: var(--lt-space-1) var(--lt-space-3);
    align-items: center; padding: var(--lt-space-2) 0; border-top: 1px solid var(--lt-border); }
  ol.history li:first-child { border-top: 0; }
  .what { overflow-wrap: anywhere; }
  .what .arrow { color: var(--lt-muted); padding: 0 0.2rem; }
  .when { color: var(--lt-muted); font-size: var(--lt-text-sm); }
  @media (max-width: 40rem) {
    .field { grid-template-columns: minmax(0, 1fr); gap: var(--lt-space-2); }
  }
`;
