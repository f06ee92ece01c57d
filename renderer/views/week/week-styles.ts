import { css } from 'lit';

/** The calendar grid: a sticky day header row and hour gutter, day columns scrolled inside one box. */
export const gridStyles = css`
  :host { display: block; --hour: 3rem; --gutter: 3.4rem; --col-min: 6.6rem; min-width: 0; }
  @media (min-width: 1800px) { :host { --hour: 3.6rem; } }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .scroller { position: relative; overflow: auto; max-height: min(72vh, calc(24 * var(--hour) + 3.5rem));
    border: 1px solid var(--lt-border, #eaecf0); border-radius: 12px; scroll-snap-type: x proximity;
    overscroll-behavior: contain; }
  .grid { display: grid; grid-template-columns: var(--gutter) repeat(7, minmax(var(--col-min), 1fr));
    grid-template-rows: auto calc(24 * var(--hour)); min-width: min-content; }
  .corner, .dayhead { position: sticky; top: 0; z-index: 3; background: var(--lt-bg, Canvas);
    border-bottom: 1px solid var(--lt-border, #eaecf0); }
  .corner { left: 0; z-index: 4; grid-row: 1; grid-column: 1; }
  .dayhead { grid-row: 1; padding: 0.35rem 0.45rem; display: flex; flex-direction: column; min-width: 0;
    scroll-snap-align: start; scroll-margin-left: var(--gutter); border-left: 1px solid var(--lt-border, #eaecf0); }
  .dayhead .dname { font-size: 0.8rem; color: var(--lt-muted, #667085); white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; }
  .dayhead .ddate { font-weight: 600; font-size: 1rem; }
  .dayhead .dtotal { font-size: 0.8rem; font-variant-numeric: tabular-nums; color: var(--lt-muted, #667085); }
  .dayhead.today .ddate { color: var(--lt-selected-text, #2f4fbf); }
  .gutter { grid-row: 2; grid-column: 1; position: sticky; left: 0; z-index: 2; background: var(--lt-bg, Canvas);
    border-right: 1px solid var(--lt-border, #eaecf0); }
  .hour { height: var(--hour); box-sizing: border-box; padding: 0 0.35rem 0 0; text-align: right;
    font-size: 0.72rem; color: var(--lt-muted, #667085); font-variant-numeric: tabular-nums; transform: translateY(-0.5em); }
  .hour:first-child { visibility: hidden; }
  .col { grid-row: 2; position: relative; border-left: 1px solid var(--lt-border, #eaecf0); touch-action: pan-x pan-y;
    background-image: repeating-linear-gradient(to bottom, transparent 0 calc(var(--hour) - 1px),
      var(--lt-border, #eaecf0) calc(var(--hour) - 1px) var(--hour));
    cursor: crosshair; user-select: none; -webkit-user-select: none; contain: layout paint style; }
  .gap { position: absolute; left: 0; right: 0; pointer-events: none;
    background: repeating-linear-gradient(135deg, transparent 0 5px, var(--lt-gap, rgb(217 45 32 / 0.13)) 5px 7px); }
  .now { position: absolute; left: 0; right: 0; height: 0; border-top: 2px solid var(--lt-danger, #d92d20); z-index: 2;
    pointer-events: none; }
  .now::before { content: ''; position: absolute; left: -4px; top: -5px; width: 8px; height: 8px; border-radius: 50%;
    background: var(--lt-danger, #d92d20); }
  .block { position: absolute; left: 2px; width: calc(100% - 4px); box-sizing: border-box; min-height: 0.9rem;
    padding: 0.1rem 0.3rem 0.1rem 0.4rem; border-radius: 6px; overflow: hidden; white-space: nowrap;
    text-overflow: ellipsis; cursor: grab; z-index: 1; font-size: 0.78rem; line-height: 1.2;
    color: var(--lt-block-text, CanvasText);
    background: color-mix(in srgb, var(--c, #98a2b3) 22%, var(--lt-bg, Canvas));
    border: 1px solid color-mix(in srgb, var(--c, #98a2b3) 55%, var(--lt-bg, Canvas));
    border-left: 4px solid var(--c, #98a2b3); contain: strict; }
  .block:hover { z-index: 2; filter: brightness(0.98); }
  .block:focus-visible, .block.focused { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: 1px; z-index: 3; }
  .block.cont-before { border-top-left-radius: 0; border-top-right-radius: 0; border-top-style: dashed; }
  .block.cont-after { border-bottom-left-radius: 0; border-bottom-right-radius: 0; border-bottom-style: dashed; }
  .block.running { border-bottom: 2px dashed var(--c, #98a2b3); }
  .block.pending { opacity: 0.75; }
  .block.dragging { opacity: 0.85; box-shadow: 0 6px 18px rgb(0 0 0 / 0.18); cursor: grabbing; z-index: 4; }
  /* two lines of the block's own text, each cut with an ellipsis: no box (or clip) of their own */
  .block .name { font-weight: 600; }
  .block .meta { font-variant-numeric: tabular-nums; color: color-mix(in srgb, currentColor 85%, transparent); }
  .block.short .meta, .block.short br { display: none; }
  .pause { position: absolute; left: 0; right: 0; pointer-events: none;
    background: repeating-linear-gradient(45deg, var(--lt-bg, Canvas) 0 3px, transparent 3px 6px); opacity: 0.85; }
  /* the edges a press resizes by (see grabAt), shown only under the pointer */
  .block:not(.cont-before):hover::before, .block:not(.cont-after, .running):hover::after { content: '';
    position: absolute; left: 0; right: 0; height: 6px; cursor: ns-resize; z-index: 1; }
  .block:hover::before { top: 0; }
  .block:hover::after { bottom: 0; }
  .ghost { position: absolute; left: 2px; right: 2px; border-radius: 6px; z-index: 4; pointer-events: none;
    border: 2px dashed var(--lt-accent, #4f7cff); background: color-mix(in srgb, var(--lt-accent, #4f7cff) 15%, transparent);
    font-size: 0.75rem; padding: 0.1rem 0.3rem; box-sizing: border-box; font-variant-numeric: tabular-nums; overflow: hidden; }
  .slot { grid-row: 2; align-self: start; position: relative; z-index: 2; height: calc(var(--hour) / 2);
    margin-top: calc(var(--hour) * var(--slot-top, 0) / 60); box-sizing: border-box; border-radius: 6px;
    pointer-events: none; outline: none; }
  .slot:focus-visible { outline: 2px solid var(--lt-accent, #4f7cff); outline-offset: -2px;
    background: color-mix(in srgb, var(--lt-accent, #4f7cff) 12%, transparent); }
  .slot:focus-visible::after { content: attr(data-label); position: absolute; left: 0.3rem; top: 0.15rem;
    font-size: 0.72rem; color: var(--lt-selected-text, #2f4fbf); }
  .slot, .block { scroll-margin: 3.6rem 0.5rem 0.5rem calc(var(--gutter) + 0.5rem); }
  .focus-info { margin: 0 0 0.4rem; min-height: 1.3em; font-size: 0.88rem; color: var(--lt-muted, #667085);
    overflow-wrap: anywhere; }
  @media (max-width: 40rem) { :host { --gutter: 2.6rem; --col-min: 7.2rem; } .hour { font-size: 0.66rem; } }
`;
