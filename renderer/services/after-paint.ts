import type { Reminder } from './reminders/due.ts';
import type { AppServices } from './services.ts';

/**
 * What a window runs once it has painted, loaded then so its first JS stays small: the reminders, the tray's sync
 * and (when connected) the Jira sender. Answers the stop function.
 */
export async function startAfterPaint(services: AppServices, inApp: (r: Reminder) => void): Promise<() => void> {
  const [{ ReminderService }, { syncTray }] = await Promise.all([
    import('./reminders/reminder-service.ts'),
    import('./tray-sync.ts'),
  ]);
  const { client, timer, settings, shell } = services;
  const stopTray = syncTray(shell, client, timer);
  const stopReminders = new ReminderService(client, timer, settings, inApp).start();
  // the Jira sender, loaded only once Jira is connected
  let stopJira: (() => void) | null = null;
  let stopped = false;
  const stopWatchingJira = settings.$settings.subscribe((s) => {
    if (s.jira.kind === 'off' || stopJira) return;
    stopJira = () => undefined;
    void import('./jira/jira-service.ts').then(({ jiraServiceFor }) => {
      if (!stopped) stopJira = jiraServiceFor({ shell, client, settings }).start();
    });
  });
  return () => {
    stopped = true;
    stopWatchingJira();
    stopJira?.();
    stopReminders();
    stopTray();
  };
}
