import type { Shell } from '../../shared/shell-contract.ts';
import { WebPresence, type PresenceOptions } from './web-presence.ts';
import { WebSecretStore } from './web-secrets.ts';

/** The shell for plain Chromium: browser APIs stand in for safeStorage and powerMonitor. */
export function createWebShell(options: PresenceOptions = {}): Shell {
  const presence = new WebPresence(options);
  return {
    secrets: new WebSecretStore(),
    onPresence: (listener) => presence.subscribe(listener),
    presenceSources: () => import('./web-presence-sources.ts').then((m) => m.WEB_PRESENCE_SOURCES),
    setIdleThreshold: (seconds) => presence.setIdleThreshold(seconds * 1000),
    // a browser has no tray
    setTrayState: () => undefined,
    onTrayCommand: () => () => undefined,
    // a page may close only a window a script opened; the main window ignores this
    hideQuickEntry: () => window.opener && window.close(),
    quickEntryShortcut: async () => null,
    setQuickEntryShortcut: async () => null,
    // the web shell's server is started with its AI origins (--ai-origin); a page cannot widen its own policy
    allowAiEndpoints: async () => null,
    // likewise for Jira: the server is started with --jira-origin
    allowJiraSite: async () => null,
  };
}
