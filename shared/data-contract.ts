import type { Activity, NewSession, StartTimerInput, StopTimerInput, TimeRange, TimerIdInput } from './activity.ts';
import type { CreateProjectInput, Project } from './project.ts';

export interface OpenOptions {
  /** OPFS file name of the database; tests use their own. */
  name?: string;
}

export interface OpenInfo {
  schemaVersion: number;
  vfs: string;
  sqliteVersion: string;
  /** the connection's id, carried as `origin` on every change it broadcasts */
  origin: string;
}

export interface ProjectDayTotal {
  /** local calendar day, YYYY-MM-DD */
  day: string;
  projectId: string | null;
  /** worked ms (pauses excluded) */
  ms: number;
  sessions: number;
}

/**
 * The data worker's API, reached through Comlink. Every argument is validated inside the worker (it crossed a
 * postMessage boundary); failures reject with an AppError and change nothing.
 */
export interface DataApi {
  /**
   * Takes a Web Lock named `lockName` and holds it for the worker's whole life. The browser frees it when the worker
   * ends for any reason (terminate, crash), which is how the window learns that its worker died.
   */
  holdLifeline(lockName: string): Promise<void>;
  open(options?: OpenOptions): Promise<OpenInfo>;
  close(): Promise<void>;

  /** Starts a timer, stopping any timer already running at the new start time. Committed before it resolves. */
  startTimer(input: StartTimerInput): Promise<Activity>;
  stopTimer(input: StopTimerInput): Promise<Activity>;
  pauseTimer(input: TimerIdInput): Promise<Activity>;
  resumeTimer(input: TimerIdInput): Promise<Activity>;
  runningTimer(): Promise<Activity | null>;

  /** Live sessions overlapping [from, to), oldest first. */
  listActivities(range: TimeRange): Promise<Activity[]>;
  getActivity(id: string): Promise<Activity>;
  deleteActivity(id: string): Promise<Activity>;
  restoreActivity(id: string): Promise<Activity>;
  /** Inserts finished sessions in one transaction; returns how many. */
  insertSessions(sessions: NewSession[]): Promise<number>;

  createProject(input: CreateProjectInput): Promise<Project>;
  listProjects(): Promise<Project[]>;

  /** Worked time per local day and project for sessions starting in [from, to). */
  totalsByProjectDay(range: TimeRange): Promise<ProjectDayTotal[]>;
}
