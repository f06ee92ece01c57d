import type { Shell } from '../../shared/shell-contract.ts';
import { createWebShell } from './web-shell.ts';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a plain browser. */
    lighttrack?: { shell: Shell };
  }
}

/** The shell this renderer runs in: the Electron bridge when present, else the web shell. */
export function detectShell(): Shell {
  return window.lighttrack?.shell ?? createWebShell();
}
