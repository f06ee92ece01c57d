import { css } from 'lit';

import { controlStyles } from '../../components/styles.ts';

/** The charts' looks: design tokens only, light and dark; SVG colours come from attributes or these classes. */
export const chartStyles = [
  controlStyles,
  css`
  :host { display: block; min-width: 0; }
  .chart { contain: content; margin: 0; padding: var(--lt-space-3, 0.75rem); border: 1px solid var(--lt-border, #d0d5dd); border-radius: var(--lt-radius-lg, 12px); min-width: 0; }
  figcaption { font-weight: 600; margin-bottom: var(--lt-space-2, 0.5rem); overflow-wrap: anywhere; }
  .plot { position: relative; }
  svg { display: block; max-width: 100%; overflow: visible; }
  svg[tabindex]:focus-visible { outline: 2px solid var(--lt-accent, #3a64e8); outline-offset: 3px; border-radius: 4px; }
  .axis { font-size: 11px; fill: var(--lt-muted, #5d6b82); font-variant-numeric: tabular-nums; }
  .grid { stroke: var(--lt-track, #eaecf0); stroke-width: 1; }
  .baseline { stroke: var(--lt-border, #d0d5dd); }
  .cursor { fill: none; stroke: var(--lt-text, #101828); stroke-width: 2; pointer-events: none; }
  .tip { position: absolute; left: var(--x, 0); top: var(--y, 0); pointer-events: none; max-inline-size: 16rem; z-index: 2;
    padding: 0.3rem 0.5rem; border-radius: 6px; font-size: var(--lt-text-sm, 0.87rem); background: var(--lt-text, #101828); color: var(--lt-bg, #fff);
    box-shadow: 0 4px 12px var(--lt-shadow, rgb(0 0 0 / 0.2)); overflow-wrap: anywhere; }
  .readout { min-block-size: 1.3em; margin: 0.3rem 0 0; font-size: var(--lt-text-sm, 0.87rem); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; list-style: none; padding: 0; margin: 0.4rem 0 0; font-size: var(--lt-text-sm, 0.87rem); }
  .legend li { display: flex; gap: 0.35rem; align-items: center; min-width: 0; max-width: min(18rem, 100%); }
  .legend .key { display: flex; gap: 0.35rem; align-items: center; min-width: 0; font: inherit; color: inherit; background: none; border: 0;
    padding: 0.1rem 0.25rem; margin: 0 -0.25rem; border-radius: 6px; text-align: start; }
  .legend button.key { cursor: pointer; }
  .legend button.key:hover { background: var(--lt-hover, #f2f4f7); }
  .swatch { inline-size: 0.7rem; block-size: 0.7rem; flex: none; }
  .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
  .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
  .scale { display: flex; align-items: center; gap: 0.4rem; font-size: var(--lt-text-xs, 0.78rem); margin-top: 0.3rem; flex-wrap: wrap; }
  .steps { inline-size: 4.5rem; block-size: 0.65rem; }
  .cell { stroke: none; }
  .share-wrap { display: grid; grid-template-columns: 7rem minmax(0, 1fr); gap: var(--lt-space-3, 0.75rem); align-items: start; }
  @media (max-width: 26rem) { .share-wrap { grid-template-columns: minmax(0, 1fr); } .ring { max-inline-size: 7rem; } }
  .ring { inline-size: 100%; }
  .ring .slice { cursor: pointer; }
  .share { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.1rem; min-width: 0; }
  .row { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; gap: 0.45rem; align-items: center; inline-size: 100%;
    font: inherit; color: inherit; background: none; border: 0; padding: 0.25rem 0.35rem; border-radius: 6px; text-align: start; box-sizing: border-box; }
  button.row { cursor: pointer; }
  button.row:hover { background: var(--lt-hover, #f2f4f7); }
  .block.gap { fill: none; stroke: var(--lt-muted, #5d6b82); stroke-dasharray: 3 3; }
  .block.work { stroke: var(--lt-bg, #fff); stroke-width: 1; }
  .pause-bg { fill: var(--lt-track, #eaecf0); }
  .hatch { stroke: var(--lt-muted, #5d6b82); stroke-width: 2; }
  .work-key { fill: var(--lt-accent, #3a64e8); }
  .budgets { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: var(--lt-space-4, 1rem); }
  .budget { min-width: 0; }
  .budget-head { display: flex; gap: 0.4rem; align-items: center; font-weight: 600; min-width: 0; }
  .budget-line { stroke: var(--lt-danger, #d92d20); stroke-dasharray: 5 4; stroke-width: 1.5; }
  .spent { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
  .projection { stroke-dasharray: 4 4; stroke-width: 2; opacity: 0.7; }
  .sentence { margin: 0.2rem 0 0; font-size: var(--lt-text-sm, 0.87rem); }
  .sentence.bad { color: var(--lt-danger-text, #b42318); font-weight: 600; }
  details { margin-top: 0.4rem; font-size: var(--lt-text-sm, 0.87rem); }
  .scroll { overflow: auto; max-block-size: 20rem; }
  table { border-collapse: collapse; font-size: var(--lt-text-xs, 0.78rem); font-variant-numeric: tabular-nums; }
  td, th { padding: 0.1rem 0.4rem; text-align: end; white-space: nowrap; }
  th.name { max-inline-size: 10rem; }
  @media print {
    .chart { break-inside: avoid; border-color: #999; }
    details, .readout, .tip, .cursor { display: none; }
    svg[tabindex]:focus-visible { outline: none; }
  }
`,
];
