import { css } from 'lit';

export const chartStyles = css`
  :host { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); }
  .chart { margin: 0; padding: 0.75rem; border: 1px solid var(--lt-border, #d0d5dd); border-radius: 10px; min-width: 0; }
  .chart:first-child { grid-column: 1 / -1; }
  figcaption { font-weight: 600; margin-bottom: 0.5rem; }
  svg { width: 100%; height: auto; display: block; }
  .mark:focus-visible, .cell:focus-visible { outline: 2px solid var(--lt-text, #101828); }
  .mark { cursor: pointer; }
  .axis { font-size: 11px; fill: currentColor; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; list-style: none; padding: 0; margin: 0.5rem 0 0; font-size: 0.85rem; }
  .legend li { display: flex; gap: 0.3rem; align-items: center; min-width: 0; max-width: 14rem; }
  .swatch svg { width: 0.7rem; height: 0.7rem; }
  .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
  .share { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
  .row { display: grid; grid-template-columns: minmax(0, 1fr) 5rem auto; gap: 0.5rem; align-items: center; width: 100%;
    font: inherit; color: inherit; background: none; border: 0; padding: 0.2rem 0.25rem; border-radius: 6px; cursor: pointer; text-align: left; }
  .row:hover { background: var(--lt-hover, #f2f4f7); }
  .row:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); }
  .meter { height: 0.5rem; }
  .track { fill: var(--lt-border, #d0d5dd); }
  .num { font-variant-numeric: tabular-nums; font-size: 0.85rem; white-space: nowrap; }
  details { margin-top: 0.5rem; font-size: 0.85rem; }
  table { border-collapse: collapse; font-size: 0.8rem; }
  td, th { padding: 0.1rem 0.3rem; text-align: right; }
  @media print { :host { display: block; } .chart { break-inside: avoid; margin-bottom: 1rem; } details { display: none; } }
`;
