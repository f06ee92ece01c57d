import { atom } from 'nanostores';

/** Commands the Ctrl/Cmd+K palette and menus run in whichever view can (e.g. "Export this report" in Reports). */
export type AppCommand = 'export-report' | 'import' | 'ask-assistant';

/** A command waiting for its view to mount (the palette navigated there first); the view takes it and clears it. */
export const $pendingCommand = atom<AppCommand | null>(null);

/** Asks the window to run a command (lt-app listens). */
export function runCommand(host: EventTarget, command: AppCommand): void {
  host.dispatchEvent(new CustomEvent('lt-command', { detail: command, bubbles: true, composed: true }));
}
