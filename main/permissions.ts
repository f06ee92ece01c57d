import type * as Electron from 'electron';

import { isAppUrl } from './csp.ts';

/**
 * Permissions LightTrack grants, each named with the feature that needs it. Electron grants every permission a page
 * asks for unless a handler says otherwise, so anything not listed here (camera, microphone, geolocation, HID, USB,
 * serial, clipboard reading, …) is denied. Add an entry with its feature when one needs it.
 */
export const GRANTED_PERMISSIONS: ReadonlyMap<string, string> = new Map<string, string>([
  // showSaveFilePicker + createWritable: exports streamed to a file the user picks (without it writing fails with
  // NotAllowedError or leaves a 0-byte file)
  ['fileSystem', 'exports written to a file the user picks'],
  // the reminders (no timer, a long timer, the end-of-day summary) as system notifications
  ['notifications', 'reminders'],
]);

export type PermissionSession = Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
>;

/** Denies by default: a permission is granted only when it is listed and asked for by our own bundle. */
export function installPermissionPolicy(
  session: PermissionSession,
  granted: ReadonlyMap<string, string> = GRANTED_PERMISSIONS,
): void {
  const allowed = (permission: string, url: string | undefined | null) => granted.has(permission) && isAppUrl(url);
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(allowed(permission, details?.requestingUrl ?? contents?.getURL?.()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  // WebHID, WebUSB, Web Serial and Bluetooth devices: none, ever (no feature talks to hardware).
  session.setDevicePermissionHandler(() => false);
}

/**
 * Offline means offline: Chromium's own spell checker downloads Hunspell dictionaries on Linux and Windows. macOS
 * checks spelling with the OS (NSSpellChecker) and downloads nothing, so it stays on there.
 */
export function spellcheckAllowed(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'darwin';
}
