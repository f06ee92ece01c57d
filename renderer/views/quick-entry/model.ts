import { atom } from 'nanostores';

import { CHANGED_TABLES } from '../../../shared/changes.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/project.ts';
import type { NameRef, QuickEntryContext, QuickEntryResult } from '../../../shared/quick-entry.ts';
import type { EditResult, Overlap, OverlapChoice } from '../../../shared/session-edits.ts';
import type { Session } from '../../../shared/session.ts';
import type { Tag } from '../../../shared/tag.ts';
import type { DataClient } from '../../services/data-client.ts';

const DAY = 86_400_000;
/** sessions the line can refer to ("yesterday 2h" starts after yesterday's last one; ↑ walks recent entries) */
const RECENT_DAYS = 8;

/** What a commit did: done (with the undoable action when there is one), an overlap to decide, or a refusal. */
export type CommitOutcome =
  | { status: 'done'; message: string; action: EditResult['action'] | null }
  | { status: 'overlap'; overlaps: Overlap[] }
  | { status: 'failed'; message: string };

/** The quick entry's data: projects, tags and recent sessions from the worker, kept fresh, and the commit. */
export class QuickEntryModel {
  readonly $projects = atom<Project[]>([]);
  readonly $tags = atom<Tag[]>([]);
  /** the cached Jira issues (empty without Jira), for key suggestions */
  readonly $issues = atom<{ key: string; summary: string }[]>([]);
  /** recent sessions, newest first */
  readonly $recent = atom<Session[]>([]);
  readonly $loaded = atom(false);
  /** the user's clock setting, for every time this window shows */
  readonly $clock = atom<'24h' | '12h'>('24h');
  /** what the last refused commit overlapped, so the answer's message can say what the choice removed */
  #asked: Overlap[] = [];
  readonly #client: DataClient;
  readonly #clock: () => number;
  readonly timeZone: string;
  #stop: (() => void) | null = null;

  constructor(
    client: DataClient,
    clock: () => number = Date.now,
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  ) {
    this.#client = client;
    this.#clock = clock;
    this.timeZone = timeZone;
  }

  now(): number {
    return this.#clock();
  }

  connect(): () => void {
    if (!this.#stop) {
      const stopWatching = this.#client.watch(CHANGED_TABLES, () => this.reload());
      this.#stop = () => {
        stopWatching();
        this.#stop = null;
      };
      void this.reload();
    }
    return this.#stop;
  }

  async reload(): Promise<void> {
    const now = this.#clock();
    try {
      const [projects, tags, page, settings] = await Promise.all([
        this.#client.data.listProjects(),
        this.#client.data.listTags(),
        this.#client.data.listSessions({ from: now - RECENT_DAYS * DAY, to: now + DAY, limit: 2000 }),
        this.#client.data.getSettings(),
      ]);
      this.$clock.set(settings.clock);
      // recently used projects first, so a bare `@` offers them
      const used = new Map<string, number>();
      page.sessions.forEach((s, i) => s.projectId && used.set(s.projectId, i));
      this.$projects.set(
        [...projects]
          .filter((p) => p.archivedAt === null)
          .sort((a, b) => (used.get(b.id) ?? -1) - (used.get(a.id) ?? -1)),
      );
      this.$tags.set(tags);
      if (settings.jira.kind !== 'off')
        void this.#client.data.jiraSearchIssues({ query: '', limit: 100 }).then(
          (issues) => this.$issues.set(issues),
          () => undefined,
        );
      this.$recent.set([...page.sessions].reverse());
      this.$loaded.set(true);
    } catch {
      // the line still parses without names; the next change or restart tries again
    }
  }

  context(): QuickEntryContext {
    return {
      now: this.#clock(),
      timeZone: this.timeZone,
      projects: this.$projects.get(),
      tags: this.$tags.get(),
      sessions: this.$recent.get(),
    };
  }

  projectLabel(ref: NameRef | null): string | null {
    if (!ref) return null;
    if ('newName' in ref) return ref.newName;
    return this.$projects.get().find((p) => p.id === ref.id)?.name ?? null;
  }

  tagName(ref: NameRef): string {
    if ('newName' in ref) return ref.newName;
    return this.$tags.get().find((t) => t.id === ref.id)?.name ?? '';
  }

  /** Recent entries as lines to type again, newest first, without repeats. */
  recentLines(): string[] {
    const lines = new Set<string>();
    for (const s of this.$recent.get()) {
      const project = this.$projects.get().find((p) => p.id === s.projectId);
      const tagNames = s.tagIds
        .map((id) => this.$tags.get().find((t) => t.id === id)?.name)
        .filter((n): n is string => !!n);
      const words = [s.name, project ? marker('@', project.name) : '', ...tagNames.map((t) => marker('#', t))].filter(
        Boolean,
      );
      if (words.length) lines.add(words.join(' '));
      if (lines.size >= 50) break;
    }
    return [...lines];
  }

  /** Writes the entry through the data worker. A log that overlaps another session asks first (`overlap` unset). */
  async commit(result: QuickEntryResult, overlap?: OverlapChoice): Promise<CommitOutcome> {
    try {
      if (result.kind === 'command') return await this.#command(result.command!);
      if (result.kind === 'invalid')
        return { status: 'failed', message: result.problems[0]?.message ?? 'This line cannot be saved.' };
      const projectId = await this.#projectId(result.project);
      const tags = result.tags.map((t) => this.tagName(t)).filter(Boolean);
      const common = { name: result.name, projectId, tags, billable: result.billable, source: 'quick-entry' as const };
      const removing = overlap === 'trim-others' ? removedWords(this.#asked) : '';
      this.#asked = [];
      if (result.kind === 'start') {
        // a back-dated start can reach into earlier sessions: the choice the user made goes with it
        const started = await this.#client.data.startTimer({ ...common, startTime: result.start!, overlap });
        return { status: 'done', message: `Started ‘${started.name || 'a timer'}’${removing}.`, action: null };
      }
      const added = await this.#client.data.addSession({
        ...common,
        startTime: result.start!,
        endTime: result.end!,
        overlap,
      });
      return { status: 'done', message: `Logged ‘${result.name || 'a session'}’${removing}.`, action: added.action };
    } catch (error) {
      const e = toAppError(error);
      const overlaps = (e.details as { overlaps?: Overlap[] } | undefined)?.overlaps;
      if (e.code === 'CONFLICT' && Array.isArray(overlaps) && overlaps.length) {
        this.#asked = overlaps;
        return { status: 'overlap', overlaps };
      }
      return { status: 'failed', message: e.message };
    }
  }

  async #command(command: NonNullable<QuickEntryResult['command']>): Promise<CommitOutcome> {
    if (command === 'continue') {
      const now = this.#clock();
      const page = await this.#client.data.listSessions({ from: now - 90 * DAY, to: now + DAY, limit: 10_000 });
      const last = page.sessions.filter((s) => s.endTime !== null).at(-1);
      if (!last) return { status: 'failed', message: 'There is no earlier session to continue.' };
      const result = await this.#client.data.continueSession({ id: last.id });
      return { status: 'done', message: `Continued ‘${last.name || 'the last session'}’.`, action: result.action };
    }
    const running = await this.#client.data.runningTimer();
    if (!running) return { status: 'failed', message: 'No timer is running.' };
    if (command === 'stop') await this.#client.data.stopTimer({ id: running.id });
    else if (command === 'pause') await this.#client.data.pauseTimer({ id: running.id });
    else await this.#client.data.resumeTimer({ id: running.id });
    const done = { stop: 'Stopped', pause: 'Paused', resume: 'Resumed' }[command];
    return { status: 'done', message: `${done} ‘${running.name || 'the timer'}’.`, action: null };
  }

  async #projectId(ref: NameRef | null): Promise<string | null> {
    if (!ref) return null;
    if ('id' in ref) return ref.id;
    try {
      return (
        await this.#client.data.createProject({
          name: ref.newName,
          parentId: ref.parentId ?? null,
          client: ref.client ?? null,
        })
      ).id;
    } catch (error) {
      // another window may have created it a moment ago
      if (toAppError(error).code !== 'CONFLICT') throw error;
      const lower = ref.newName.toLowerCase();
      const again = (await this.#client.data.listProjects()).find((p) => p.name.toLowerCase() === lower);
      if (again) return again.id;
      throw error;
    }
  }
}

/** ", removing ‘call’" when trimming the others takes away sessions that lay wholly inside the new one. */
function removedWords(overlaps: readonly Overlap[]): string {
  const covered = [...new Map(overlaps.filter((o) => o.covered).map((o) => [o.otherId, o])).values()];
  if (covered.length === 0) return '';
  return covered.length === 1
    ? `, removing ‘${covered[0]!.otherName || 'a session'}’`
    : `, removing ${covered.length} sessions`;
}

/** `@name`, or `@"two words"` when the name has spaces. */
export function marker(sign: '@' | '#', name: string): string {
  return /\s/.test(name) ? `${sign}"${name.replace(/"/g, '')}"` : `${sign}${name}`;
}
