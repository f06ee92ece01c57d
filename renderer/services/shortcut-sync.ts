import type { Shell, ShortcutStatus } from '../../shared/shell-contract.ts';
import type { SettingsService } from './settings.ts';

/**
 * Keeps Electron's global quick-entry shortcut on the accelerator in Settings (the main process cannot read the
 * database). `notify` hears every status that is not registered, in words, to show in the window.
 */
export function syncQuickEntryShortcut(
  shell: Shell,
  settings: SettingsService,
  notify: (status: ShortcutStatus) => void,
): () => void {
  let applied: string | null = null;
  void shell.quickEntryShortcut().then(
    (status) => {
      if (!status) return;
      applied ??= status.accelerator;
      if (!status.registered) notify(status);
    },
    () => undefined,
  );
  return settings.$settings.subscribe((s) => {
    if (!settings.$loaded.get() || s.quickEntryShortcut === applied) return;
    applied = s.quickEntryShortcut;
    void shell.setQuickEntryShortcut(s.quickEntryShortcut).then(
      (status) => {
        if (status && !status.registered) notify(status);
      },
      () => undefined,
    );
  });
}
