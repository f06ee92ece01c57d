import type { RecoveryProblem } from '../../../shared/database.ts';

/** What the recovery screen says and offers for each kind of problem, in plain words. */
export interface RecoveryCopy {
  title: string;
  /** the explanation, one or two sentences */
  body: string;
  canRestore: boolean;
  canStartFresh: boolean;
  /** label of the download button; null when there is nothing worth downloading */
  download: string | null;
}

export function recoveryCopy(problem: RecoveryProblem): RecoveryCopy {
  switch (problem.kind) {
    case 'damaged':
      return {
        title: 'Your data file is damaged',
        body:
          'LightTrack’s database file is damaged, so it was not opened — that keeps what is left of it safe. ' +
          'Restore the latest backup to carry on. Nothing has been changed or deleted.',
        canRestore: true,
        canStartFresh: true,
        download: 'Download the damaged file',
      };
    case 'not-ours':
      return {
        title: 'This is not a LightTrack data file',
        body:
          'The file where LightTrack keeps your data holds something LightTrack did not write, so it was not ' +
          'opened or changed. Restore a backup or a LightTrack file, or start fresh.',
        canRestore: true,
        canStartFresh: true,
        download: 'Download the file',
      };
    case 'newer-schema':
      return {
        title: 'This data needs a newer LightTrack',
        body:
          `Your data was saved by a newer version of LightTrack (data format ${version(problem.fileVersion)}); this ` +
          `version understands formats up to ${version(problem.appVersion)}. Update LightTrack to open it. ` +
          'Nothing has been changed; you can download a copy to keep it safe meanwhile.',
        canRestore: false,
        canStartFresh: false,
        download: 'Download a copy of the file',
      };
    case 'lost':
      return {
        title: 'Your data file is missing',
        body:
          'Your data file is missing or empty, though LightTrack has been used here before. Restore the latest ' +
          'backup to get your sessions back, or start fresh.',
        canRestore: true,
        canStartFresh: true,
        download: null,
      };
  }
}

function version(n: number | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : 'unknown';
}
