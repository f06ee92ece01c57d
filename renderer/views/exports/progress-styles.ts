import { css } from 'lit';

/** The export and import progress bar: the app's accent on its track, in light and dark. */
export const progressStyles = css`
  .progress { margin: 0.25rem 0 0.5rem; }
  .progress p { margin: 0.4rem 0 0; font-variant-numeric: tabular-nums; color: var(--lt-muted, #5d6b82); font-size: var(--lt-text-sm, 0.87rem); }
  progress { appearance: none; inline-size: 100%; block-size: 0.7rem; border: 0; border-radius: 999px; overflow: hidden;
    background: var(--lt-track, #eaecf0); }
  progress::-webkit-progress-bar { background: var(--lt-track, #eaecf0); border-radius: 999px; }
  progress::-webkit-progress-value { background: var(--lt-accent, #3d6bf2); border-radius: 999px; transition: inline-size 0.1s linear; }
`;
