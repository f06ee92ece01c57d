import { atom } from 'nanostores';

import { toAppError } from '../../../shared/errors.ts';
import type { JiraConnection } from '../../../shared/jira-wire.ts';
import type { JiraSettings } from '../../../shared/jira.ts';
import type { Shell } from '../../../shared/shell-contract.ts';
import { AiKeyStore, JIRA_TOKEN_DB } from '../ai-keys.ts';
import type { DataClient } from '../data-client.ts';
import type { SettingsService } from '../settings.ts';
import { JiraClient, type JiraTest } from './jira-client.ts';

/** Longer than any request may take (REQUEST_TIMEOUT_MS), so a request never outlives the lease it was sent under. */
export const JIRA_LEASE_MS = 60_000;
/** A change is sent this long after the last one (a burst of edits is one drain). */
const SETTLE_MS = 1_500;
const ISSUES_EVERY_MS = 15 * 60_000;
/** One window sends at a time (every window has a sender; the others stand by). */
const SENDER_LOCK = 'lighttrack-jira-sender';

export type JiraStatus =
  | { state: 'off' | 'no-token' | 'offline' | 'sending' | 'idle' | 'elsewhere'; message: string }
  | { state: 'waiting'; message: string; inMs: number }
  | { state: 'stopped' | 'error'; message: string };

interface Deps {
  shell: Shell;
  client: DataClient;
  settings: SettingsService;
}

/**
 * The window's Jira: the connection (settings + the token behind the shell's secrets), the background sender that
 * drains the outbox whenever sessions change, the network comes back or a backoff ends, and the issue cache's
 * refresh. The outbox itself is filled by the data worker, so nothing here decides what to book.
 */
export class JiraService {
  readonly $status = atom<JiraStatus>({ state: 'off', message: 'Jira is not connected.' });
  readonly #tokens: AiKeyStore;
  readonly #jira: JiraClient;
  readonly #owner = `w-${crypto.randomUUID().slice(0, 8)}`;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #issuesTimer: ReturnType<typeof setInterval> | undefined;
  #running = false;
  #again = false;
  #site: string | null | undefined;
  #stop: (() => void) | null = null;
  #reported: string | null = null;

  constructor(
    private readonly deps: Deps,
    workerUrl?: URL,
  ) {
    this.#tokens = new AiKeyStore(deps.shell.secrets, JIRA_TOKEN_DB);
    this.#jira = workerUrl ? new JiraClient(deps.client, workerUrl) : new JiraClient(deps.client);
  }

  /** Starts the sender; answers the stop function. */
  start(): () => void {
    if (this.#stop) return this.#stop;
    const stopSettings = this.deps.settings.$settings.subscribe((s) => void this.#configure(s.jira));
    // a session stopped, edited, deleted, undone, imported: the triggers have enqueued it
    const stopWatch = this.deps.client.watch(['activities'], () => this.kick(SETTLE_MS));
    const online = () => this.kick(0);
    addEventListener('online', online);
    this.#issuesTimer = setInterval(() => void this.refreshIssues(), ISSUES_EVERY_MS);
    this.#stop = () => {
      stopSettings();
      stopWatch();
      removeEventListener('online', online);
      clearTimeout(this.#timer);
      clearInterval(this.#issuesTimer);
      this.#jira.dispose();
      this.#stop = null;
    };
    return this.#stop;
  }

  kick(delayMs = 0): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delayMs);
  }

  hasToken(): Promise<boolean> {
    return this.#tokens.get('token').then(Boolean, () => false);
  }

  /** Seals and keeps the token (null removes it). Never written anywhere else. */
  async saveToken(token: string | null): Promise<void> {
    await this.#tokens.set('token', token);
    this.kick(0);
  }

  /** The connection as saved, or null with the reason in the status. */
  async connection(jira: JiraSettings = this.deps.settings.get('jira')): Promise<JiraConnection | null> {
    if (jira.kind === 'off' || !jira.siteUrl) return null;
    const token = await this.#tokens.get('token').catch(() => null);
    if (!token) return null;
    return { kind: jira.kind, siteUrl: jira.siteUrl, email: jira.email, token };
  }

  /** "Test connection" with what the form holds (the token typed, or the saved one). */
  async test(jira: JiraSettings, token: string | null): Promise<JiraTest> {
    await this.#allowSite(jira.kind === 'off' ? null : jira.siteUrl);
    const saved = token ?? (await this.#tokens.get('token').catch(() => null));
    if (jira.kind === 'off' || !jira.siteUrl)
      return {
        ok: false,
        error: { code: 'input', message: 'Choose Jira Cloud or Data Center and give the site URL.' },
      };
    if (!saved)
      return { ok: false, error: { code: 'input', message: 'Give the API token (or personal access token).' } };
    try {
      return await this.#jira.testConnection({
        kind: jira.kind,
        siteUrl: jira.siteUrl,
        email: jira.email,
        token: saved,
      });
    } catch (error) {
      return { ok: false, error: { code: 'input', message: toAppError(error).message } };
    }
  }

  async refreshIssues(): Promise<void> {
    const connection = await this.connection();
    if (!connection || !navigator.onLine) return;
    await this.#jira.refreshIssues(connection).catch(() => undefined);
  }

  #configured = '';

  async #configure(jira: JiraSettings): Promise<void> {
    const key = JSON.stringify(jira);
    if (key === this.#configured) return;
    this.#configured = key;
    await this.#allowSite(jira.kind === 'off' ? null : jira.siteUrl);
    if (jira.kind === 'off') {
      clearTimeout(this.#timer);
      this.$status.set({ state: 'off', message: 'Jira is not connected.' });
      return;
    }
    this.kick(0);
    void this.refreshIssues();
  }

  /** Tells the shell the site (Electron widens its CSP and CORS to exactly that origin); a new worker gets it. */
  async #allowSite(site: string | null): Promise<void> {
    if (site === this.#site) return;
    this.#site = site;
    await this.deps.shell.allowJiraSite(site).catch(() => null);
    this.#jira.dispose();
  }

  async #run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      const jira = this.deps.settings.get('jira');
      if (jira.kind === 'off') return;
      const connection = await this.connection(jira);
      if (!connection) {
        this.$status.set({ state: 'no-token', message: 'No token is saved: give it in Settings → Jira.' });
        return;
      }
      if (!navigator.onLine) {
        this.$status.set({
          state: 'offline',
          message: 'Offline: bookings wait and are sent when the network is back.',
        });
        return;
      }
      this.$status.set({ state: 'sending', message: 'Sending bookings…' });
      const result = await navigator.locks.request(SENDER_LOCK, { ifAvailable: true }, (lock) =>
        lock ? this.#jira.drain(connection, this.#owner, JIRA_LEASE_MS) : null,
      );
      if (!result) {
        this.$status.set({ state: 'elsewhere', message: 'Another LightTrack window is sending the bookings.' });
        this.kick(30_000);
        return;
      }
      if (result.stopped) {
        this.$status.set({ state: 'stopped', message: result.stopped.message });
        // in Diagnostics too, once until it changes (the sentence and the kind; never the token or headers)
        if (this.#reported === result.stopped.message) return;
        this.#reported = result.stopped.message;
        void this.deps.client.data
          .reportError({ source: 'jira', message: result.stopped.message, details: { kind: result.stopped.kind } })
          .catch(() => undefined);
        return;
      }
      if (result.waitMs !== null) {
        const wait =
          result.waitMs < 90_000 ? `${Math.ceil(result.waitMs / 1000)} s` : `${Math.round(result.waitMs / 60_000)} min`;
        this.$status.set({
          state: 'waiting',
          message: `Some bookings are tried again in ${wait}.`,
          inMs: result.waitMs,
        });
        this.kick(Math.max(250, result.waitMs));
      } else this.$status.set({ state: 'idle', message: 'Up to date.' });
      this.#reported = null;
    } catch (error) {
      this.$status.set({ state: 'error', message: toAppError(error).message });
      this.kick(30_000);
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.kick(0);
      }
    }
  }
}

const services = new WeakMap<DataClient, JiraService>();

/** One Jira service per window (per data client); `workerUrl` names the worker for the first (tests run from source). */
export function jiraServiceFor(deps: Deps, workerUrl?: URL): JiraService {
  let service = services.get(deps.client);
  if (!service) services.set(deps.client, (service = new JiraService(deps, workerUrl)));
  return service;
}
