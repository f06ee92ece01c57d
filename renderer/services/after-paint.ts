import type { Reminder } from './reminders/due.ts';
import type { AppServices } from './services.ts';

/**
 * What a window runs once it has painted, loaded then so its first JS stays small: the reminders and the tray's
 * sync. Answers the stop function.
 */
export async function startAfterPaint(services: AppServices, inApp: (r: Reminder) => void): Promise<() => void> {
  const [{ ReminderService }, { syncTray }] = await Promise.all([
    import('./reminders/reminder-service.ts'),
    import('./tray-sync.ts'),
  ]);
  const { client, timer, settings, shell } = services;
  const stopTray = syncTray(shell, client, timer);
  const stopReminders = new ReminderService(client, timer, settings, inApp).start();
  return () => {
    stopReminders();
    stopTray();
  };
}
