import type {
  AwayGap,
  GapEventInput,
  GapOutcome,
  HeartbeatInput,
  RecordGapInput,
  ResolveGapInput,
  ResolveGapsInput,
  ResolveOutcome,
} from './away.ts';
import type {
  AssistantQueryInput,
  AssistantQueryResult,
  Conversation,
  ConversationPage,
  ListConversationsInput,
  NewMessage,
  StoredMessage,
  UsageRow,
} from './conversations.ts';
import type {
  BackupInfo,
  BackupRetention,
  DatabaseFile,
  IntegrityResult,
  RecoveryProblem,
  RestoreFileInput,
  RestoreResult,
} from './database.ts';
import type { ErrorLogPage, ListErrorsInput, ReportErrorInput } from './error-log.ts';
import { EXPORTS_METHODS, type ExportsApi } from './export-contract.ts';
import type { CreateGoalInput, Goal, GoalProgress, UpdateGoalInput } from './goal.ts';
import type {
  JiraBookingList,
  JiraChoiceInput,
  JiraClaim,
  JiraClaimInput,
  JiraIssue,
  JiraListInput,
  JiraRecordInput,
} from './jira-bookings.ts';
import type {
  ArchiveProjectInput,
  CreateProjectInput,
  DeleteProjectInput,
  MergeProjectsInput,
  Project,
  ProjectTotals,
  UpdateProjectInput,
} from './project.ts';
import type { Report, ReportInput, ReportRowsInput, ReportRowsPage } from './reports.ts';
import { RESTORE_METHODS, type RestoreApi } from './restore-contract.ts';
import type {
  ActionRef,
  AddSessionInput,
  BulkDeleteInput,
  BulkUpdateInput,
  ContinueSessionInput,
  DuplicateSessionInput,
  EditResult,
  ListSessionsInput,
  MergeSessionsInput,
  SessionPage,
  SplitSessionInput,
  UpdateSessionInput,
} from './session-edits.ts';
import type {
  NewSession,
  Session,
  SessionsInRange,
  SessionsInRangeInput,
  StartTimerInput,
  StopTimerInput,
  TimeRange,
  TimerIdInput,
} from './session.ts';
import type { Settings, SettingsChange, SettingsFile, SettingsPatch } from './settings.ts';
import type { CreateTagInput, MergeTagsInput, Tag, UpdateTagInput } from './tag.ts';
import type { UndoInput, UndoOutcome, UndoState } from './undo.ts';

/**
 * Each interface's method names, written once beside it. They are the allow-list of what the owner serves over
 * Comlink (see OWNER_METHODS). `methodsOf<I>()(list)` fails to compile when `list` leaves out a method of `I` (the
 * error names it under `missing`) or names one `I` does not have.
 */
function methodsOf<I>() {
  return <const L extends readonly (keyof I & string)[]>(
    list: L & ([Exclude<keyof I, L[number]>] extends [never] ? unknown : { missing: Exclude<keyof I, L[number]> }),
  ): L => list;
}

export interface OpenOptions {
  /** OPFS file name of the database; tests use their own. */
  name?: string;
}

export interface OpenInfo {
  /** 'ready': every call works. 'recovery': the file cannot be used; only the DatabaseApi calls work. */
  status: 'ready' | 'recovery';
  /** set when status is 'recovery' */
  problem: RecoveryProblem | null;
  /** true when this open created the database (no file and no sign of an earlier one) */
  created: boolean;
  schemaVersion: number;
  vfs: string;
  sqliteVersion: string;
  /** 'owner': this worker has the file open; 'proxy': it forwards calls to the worker that does */
  role: 'owner' | 'proxy';
  /** the owning connection's id, carried as `origin` on every change it broadcasts */
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

export interface LifecycleApi {
  /**
   * Takes a Web Lock named `lockName` and holds it for the worker's whole life. The browser frees it when the worker
   * ends for any reason (terminate, crash), which is how the window learns that its worker died.
   */
  holdLifeline(lockName: string): Promise<void>;
  /** Opens (or joins, through its owner) the database. Resolves with status 'recovery' rather than failing when the
   *  file is damaged, not ours, newer or lost; rejects only when it cannot even tell. */
  open(options?: OpenOptions): Promise<OpenInfo>;
  close(): Promise<void>;
}

export interface SessionsApi {
  /** Starts a timer, stopping any timer already running at the new start time. Committed before it resolves. */
  startTimer(input: StartTimerInput): Promise<Session>;
  stopTimer(input: StopTimerInput): Promise<Session>;
  pauseTimer(input: TimerIdInput): Promise<Session>;
  resumeTimer(input: TimerIdInput): Promise<Session>;
  runningTimer(): Promise<Session | null>;
  /** Live sessions overlapping [from, to), oldest first; at most `limit`; damaged rows are counted, not returned. */
  sessionsInRange(input: SessionsInRangeInput): Promise<SessionsInRange>;
  /** A page of sessions for the list views, filtered and sorted. */
  listSessions(input: ListSessionsInput): Promise<SessionPage>;
  getSession(id: string): Promise<Session>;
  deleteSession(id: string): Promise<Session>;
  restoreSession(id: string): Promise<Session>;
  /** Inserts finished sessions in one transaction; returns how many. */
  insertSessions(sessions: NewSession[]): Promise<number>;
}
export const SESSIONS_METHODS = methodsOf<SessionsApi>()([
  'startTimer',
  'stopTimer',
  'pauseTimer',
  'resumeTimer',
  'runningTimer',
  'sessionsInRange',
  'listSessions',
  'getSession',
  'deleteSession',
  'restoreSession',
  'insertSessions',
]);

/**
 * Corrections. Each call is one transaction recorded in the undo journal. A change that would make two live sessions
 * overlap is refused with CONFLICT (details.overlaps: Overlap[]) unless the input says `overlap`.
 */
export interface EditsApi {
  updateSession(input: UpdateSessionInput): Promise<EditResult>;
  addSession(input: AddSessionInput): Promise<EditResult>;
  /** pieces keep name, project, tags, billable; pauses go to the piece they fall in */
  splitSession(input: SplitSessionInput): Promise<EditResult>;
  /** spans earliest start to latest end; the gaps become pauses; tags are united; the first session's name wins */
  mergeSessions(input: MergeSessionsInput): Promise<EditResult>;
  duplicateSession(input: DuplicateSessionInput): Promise<EditResult>;
  /** a new running timer like a past session (stops the running one) */
  continueSession(input: ContinueSessionInput): Promise<EditResult>;
  bulkUpdate(input: BulkUpdateInput): Promise<EditResult>;
  bulkDelete(input: BulkDeleteInput): Promise<EditResult>;
}
export const EDITS_METHODS = methodsOf<EditsApi>()([
  'updateSession',
  'addSession',
  'splitSession',
  'mergeSessions',
  'duplicateSession',
  'continueSession',
  'bulkUpdate',
  'bulkDelete',
]);

export interface UndoApi {
  /**
   * Reverts the newest action, or the one named (the action an Undo toast shows, which another window may have
   * overtaken). CONFLICT when a row it touched changed since; NOT_FOUND when there is nothing (left) to undo.
   */
  undo(input?: UndoInput): Promise<UndoOutcome>;
  redo(): Promise<UndoOutcome>;
  undoState(): Promise<UndoState>;
}
export const UNDO_METHODS = methodsOf<UndoApi>()(['undo', 'redo', 'undoState']);

/** What a change to a project, tag or goal answers: the record as written, and the undoable action. */
export interface ChangeResult<T> {
  value: T;
  /** null when nothing changed */
  action: ActionRef | null;
}

/** Tags: names unique among live tags without case. Every change is undoable. */
export interface TagsApi {
  listTags(): Promise<Tag[]>;
  createTag(input: CreateTagInput): Promise<ChangeResult<Tag>>;
  updateTag(input: UpdateTagInput): Promise<ChangeResult<Tag>>;
  /** soft delete: the tag disappears from sessions and lists; undo brings it back with its sessions */
  deleteTag(id: string): Promise<ChangeResult<null>>;
  /** every session tagged `from` gets `into`; `from` is deleted */
  mergeTags(input: MergeTagsInput): Promise<ChangeResult<Tag>>;
}
export const TAGS_METHODS = methodsOf<TagsApi>()(['listTags', 'createTag', 'updateTag', 'deleteTag', 'mergeTags']);

/** Projects form a tree (parentId). Names unique among live projects without case. Every change is undoable. */
export interface ProjectsApi {
  createProject(input: CreateProjectInput): Promise<Project>;
  /** live projects, archived ones included (pickers leave those out; reports keep them) */
  listProjects(): Promise<Project[]>;
  updateProject(input: UpdateProjectInput): Promise<ChangeResult<Project>>;
  archiveProject(input: ArchiveProjectInput): Promise<ChangeResult<Project>>;
  /** CONFLICT with details.sessions (a count) when the project has sessions and `sessions` is not given; its
   *  sub-projects move up to its parent */
  deleteProject(input: DeleteProjectInput): Promise<ChangeResult<null>>;
  mergeProjects(input: MergeProjectsInput): Promise<ChangeResult<Project>>;
  /** this week (settings' week start), this month, all time, budget used; for every live project */
  projectTotals(): Promise<ProjectTotals[]>;
}
export const PROJECTS_METHODS = methodsOf<ProjectsApi>()([
  'createProject',
  'listProjects',
  'updateProject',
  'archiveProject',
  'deleteProject',
  'mergeProjects',
  'projectTotals',
]);

export interface GoalsApi {
  listGoals(): Promise<Goal[]>;
  createGoal(input: CreateGoalInput): Promise<ChangeResult<Goal>>;
  updateGoal(input: UpdateGoalInput): Promise<ChangeResult<Goal>>;
  deleteGoal(id: string): Promise<ChangeResult<null>>;
  /** progress of every goal in its current period at `at` (default now), running timer included, with streaks */
  goalProgress(input?: { at?: number }): Promise<GoalProgress[]>;
}
export const GOALS_METHODS = methodsOf<GoalsApi>()([
  'listGoals',
  'createGoal',
  'updateGoal',
  'deleteGoal',
  'goalProgress',
]);

/** Settings: validated on every read and write; other windows hear of changes on the changes channel. */
export interface SettingsApi {
  getSettings(): Promise<Settings>;
  /** VALIDATION naming the field when a value is bad; nothing is changed then */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** the last 50 changes, newest first */
  settingsHistory(): Promise<SettingsChange[]>;
  /** puts the setting of history entry `id` back to its value before that change (itself a new change) */
  rollbackSetting(id: number): Promise<Settings>;
  exportSettings(): Promise<SettingsFile>;
  /** validates the whole file first; a bad file changes nothing and says what is wrong */
  importSettings(file: unknown): Promise<Settings>;
}
export const SETTINGS_METHODS = methodsOf<SettingsApi>()([
  'getSettings',
  'updateSettings',
  'settingsHistory',
  'rollbackSetting',
  'exportSettings',
  'importSettings',
]);

export interface ReportsApi {
  /** Worked time per local day and project for sessions starting in [from, to). */
  totalsByProjectDay(range: TimeRange): Promise<ProjectDayTotal[]>;
  /** Everything the Reports view draws for a range, grouping and filters, in one answer (see shared/reports.ts). */
  report(input: ReportInput): Promise<Report>;
  /** A page of the detailed table, sorted and filtered in SQL. */
  reportRows(input: ReportRowsInput): Promise<ReportRowsPage>;
}
export const REPORTS_METHODS = methodsOf<ReportsApi>()(['totalsByProjectDay', 'report', 'reportRows']);

/** The file itself: integrity, backups, export, restore, recovery. These also work in recovery mode. */
export interface DatabaseApi {
  /** quick_check by default, integrity_check with full: true. A failure puts the worker into recovery mode. */
  checkIntegrity(options?: { full?: boolean }): Promise<IntegrityResult>;
  /** The current status, as open() answered it or as an integrity check changed it since. */
  status(): Promise<OpenInfo>;
  listBackups(): Promise<BackupInfo[]>;
  backupNow(): Promise<BackupInfo>;
  /** Makes today's daily (and this week's weekly) backup when missing, then applies retention. Idempotent. */
  runScheduledBackups(): Promise<BackupInfo[]>;
  getBackupRetention(): Promise<BackupRetention>;
  setBackupRetention(retention: BackupRetention): Promise<BackupRetention>;
  /** A consistent copy of the database as a plain SQLite file; in recovery mode, the damaged file as it is. */
  exportDatabase(): Promise<DatabaseFile>;
  /** Replaces the database with a listed backup; every window reloads. */
  restoreBackup(name: string): Promise<RestoreResult>;
  /** Replaces the database with a file the user picked, after validating it; every window reloads. */
  restoreFromFile(input: RestoreFileInput): Promise<RestoreResult>;
  /** Recovery only: keeps the unusable file aside (never deleted) and starts an empty database. */
  startFresh(): Promise<OpenInfo>;
}
export const DATABASE_METHODS = methodsOf<DatabaseApi>()([
  'checkIntegrity',
  'status',
  'listBackups',
  'backupNow',
  'runScheduledBackups',
  'getBackupRetention',
  'setBackupRetention',
  'exportDatabase',
  'restoreBackup',
  'restoreFromFile',
  'startFresh',
]);

export interface DiagnosticsApi {
  /** Records an error a window caught; never fails for bad text (it is cut), only for a missing `source`. */
  reportError(input: ReportErrorInput): Promise<void>;
  listErrors(input?: ListErrorsInput): Promise<ErrorLogPage>;
  clearErrors(): Promise<void>;
}
export const DIAGNOSTICS_METHODS = methodsOf<DiagnosticsApi>()(['reportError', 'listErrors', 'clearErrors']);

/** The assistant's conversations (deleting one is undoable) and its guarded read-only SQL. */
export interface AssistantApi {
  listConversations(input?: ListConversationsInput): Promise<ConversationPage>;
  createConversation(input: { title: string }): Promise<Conversation>;
  renameConversation(input: { id: string; title: string }): Promise<Conversation>;
  pinConversation(input: { id: string; pinned: boolean }): Promise<Conversation>;
  /** soft delete, one undoable action */
  deleteConversation(id: string): Promise<ChangeResult<null>>;
  conversationMessages(id: string): Promise<StoredMessage[]>;
  appendMessage(input: NewMessage): Promise<StoredMessage>;
  /** marks a proposal of a stored answer applied or discarded (the change itself goes through the normal calls) */
  setProposalStatus(input: { messageId: string; proposalId: string; status: 'applied' | 'discarded' }): Promise<void>;
  /** one SELECT over the ai_ views only: no writes, no other tables, a time limit and a row cap */
  assistantQuery(input: AssistantQueryInput): Promise<AssistantQueryResult>;
  /** token usage of the answers in [from, to), in quarter-hour buckets per model and assistant */
  assistantUsage(input: { from: number; to: number }): Promise<UsageRow[]>;
}
export const ASSISTANT_METHODS = methodsOf<AssistantApi>()([
  'listConversations',
  'createConversation',
  'renameConversation',
  'pinConversation',
  'deleteConversation',
  'conversationMessages',
  'appendMessage',
  'setProposalStatus',
  'assistantQuery',
  'assistantUsage',
]);

/**
 * Away time (shared/away.ts): the presence sources of every window report gap events here, as they arrive, in any
 * order; the worker keeps one record per stretch of away time. Every review choice is one undoable action.
 */
export interface AwayApi {
  /** idle, lock or suspend began at `at` while a timer ran (nothing is recorded when none runs) */
  gapStarted(input: GapEventInput): Promise<GapOutcome>;
  /** …and ended: the gap waits for the review, or a setting decides it at once */
  gapEnded(input: GapEventInput): Promise<GapOutcome>;
  /** a gap known whole (a clock jump) */
  recordGap(input: RecordGapInput): Promise<GapOutcome>;
  /** a window with a running timer is alive; after a long silence the time the app was gone becomes a gap */
  heartbeat(input: HeartbeatInput): Promise<GapOutcome>;
  /** gaps waiting for the review, oldest first */
  pendingGaps(): Promise<AwayGap[]>;
  /** one choice for one gap; CONFLICT when it was reviewed already */
  resolveGap(input: ResolveGapInput): Promise<ResolveOutcome>;
  /** "apply to all": one choice for many gaps, one action; gaps reviewed already are skipped */
  resolveGaps(input: ResolveGapsInput): Promise<ResolveOutcome>;
}
export const AWAY_METHODS = methodsOf<AwayApi>()([
  'gapStarted',
  'gapEnded',
  'recordGap',
  'heartbeat',
  'pendingGaps',
  'resolveGap',
  'resolveGaps',
]);

/**
 * Jira bookings (shared/jira-bookings.ts): the outbox is filled by triggers on sessions; the Jira worker claims and
 * records; the panel lists and chooses. None of these is undoable: they are bookkeeping, not the user's data.
 */
export interface JiraApi {
  /** leases the next bookings to send to `owner`, settling rows with nothing to send on the way */
  jiraClaim(input: JiraClaimInput): Promise<JiraClaim>;
  /** what Jira answered for one claimed booking */
  jiraRecord(input: JiraRecordInput): Promise<void>;
  jiraBookings(input?: JiraListInput): Promise<JiraBookingList>;
  /** retry, don't book, approve (review), delete or keep the worklog of a deleted session; answers rows changed */
  jiraChoose(input: JiraChoiceInput): Promise<number>;
  /** sessions in [from, to) linked to an issue, enqueued (the review's "look at this day") */
  jiraEnqueueRange(input: { from: number; to: number }): Promise<number>;
  jiraCacheIssues(issues: JiraIssue[]): Promise<number>;
  jiraSearchIssues(input: { query: string; limit?: number }): Promise<JiraIssue[]>;
}
export const JIRA_METHODS = methodsOf<JiraApi>()([
  'jiraClaim',
  'jiraRecord',
  'jiraBookings',
  'jiraChoose',
  'jiraEnqueueRange',
  'jiraCacheIssues',
  'jiraSearchIssues',
]);

/**
 * The data worker's API, reached through Comlink: the domains composed into one object. Every argument is
 * validated inside the worker (it crossed a postMessage boundary); failures reject with an AppError and change
 * nothing.
 */
export interface DataApi
  extends
    LifecycleApi,
    SessionsApi,
    EditsApi,
    UndoApi,
    TagsApi,
    ProjectsApi,
    GoalsApi,
    SettingsApi,
    ReportsApi,
    DatabaseApi,
    DiagnosticsApi,
    AwayApi,
    AssistantApi,
    JiraApi,
    ExportsApi,
    RestoreApi {}

/** Every DataApi call an owner serves for itself and for the workers that proxy to it (the lifecycle is per worker). */
export type OwnerApi = Omit<DataApi, keyof LifecycleApi>;

/** The calls forwarded verbatim from a proxy to the owner: every interface's list. */
export const OWNER_METHODS = [
  ...SESSIONS_METHODS,
  ...EDITS_METHODS,
  ...UNDO_METHODS,
  ...TAGS_METHODS,
  ...PROJECTS_METHODS,
  ...GOALS_METHODS,
  ...SETTINGS_METHODS,
  ...REPORTS_METHODS,
  ...DATABASE_METHODS,
  ...DIAGNOSTICS_METHODS,
  ...AWAY_METHODS,
  ...ASSISTANT_METHODS,
  ...JIRA_METHODS,
  ...EXPORTS_METHODS,
  ...RESTORE_METHODS,
] as const;
type OwnerMethod = (typeof OWNER_METHODS)[number];
/** Fails to compile when DataApi gains an interface whose list is not in OWNER_METHODS (or loses one that is). */
export type OwnerMethodsComplete = [
  Exclude<keyof OwnerApi, OwnerMethod>,
  Exclude<OwnerMethod, keyof OwnerApi>,
] extends [never, never]
  ? true
  : never;
const ownerMethodsComplete: OwnerMethodsComplete = true;
void ownerMethodsComplete;
