import { AppError } from '../shared/errors.ts';

/**
 * Holds the Web Lock `name` for the rest of this worker's life, so the window that started it learns of a crash
 * when the lock is freed. Shared by the data, export and AI workers; each checks the name against its own pattern
 * first. Answers once the lock is held; `alreadyHeld` is the CONFLICT's sentence when another holds it.
 */
export function holdLifelineLock(name: string, alreadyHeld: string): Promise<void> {
  return new Promise((resolve, reject) => {
    navigator.locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) throw new AppError('CONFLICT', alreadyHeld);
        resolve();
        return new Promise<never>(() => undefined); // held until this worker ends
      })
      .catch(reject);
  });
}
