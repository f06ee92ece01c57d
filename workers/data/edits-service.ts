import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { Core } from './core.ts';

type Api<K extends keyof DataApi> = Pick<DataApi, K>;
type EditMethods = 'updateSession' | 'addSession' | 'splitSession' | 'mergeSessions' | 'duplicateSession' |
  'continueSession' | 'bulkUpdate' | 'bulkDelete' | 'listSessions' | 'undo' | 'redo' | 'undoState' | 'listTags';

const todo = (): never => {
  throw new AppError('UNAVAILABLE', 'not implemented yet');
};

/** Corrections, undo/redo and tags (being built). */
export class Edits implements Api<EditMethods> {
  constructor(private readonly core: Core) {}
  updateSession = async () => todo();
  addSession = async () => todo();
  splitSession = async () => todo();
  mergeSessions = async () => todo();
  duplicateSession = async () => todo();
  continueSession = async () => todo();
  bulkUpdate = async () => todo();
  bulkDelete = async () => todo();
  listSessions = async () => todo();
  undo = async () => todo();
  redo = async () => todo();
  undoState = async () => todo();
  listTags = async () => todo();
}
