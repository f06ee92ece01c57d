/**
 * A read that many events may ask for at once (a change broadcast, a worker restart, a tick): calls while one runs
 * coalesce into at most one more run, so a burst of changes costs two reads, not one per change.
 */
export class CoalescedRead {
  #running: Promise<void> | null = null;
  #again = false;

  /** `onError` hears a failed run (the promise run() returns then resolves); without it, run() rejects. */
  constructor(
    private readonly read: () => Promise<void>,
    private readonly onError?: (error: unknown) => void,
  ) {}

  run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.read();
        } while (this.#again);
      } catch (error) {
        if (!this.onError) throw error;
        this.onError(error);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  /** From inside a read: what was read is already stale (the user moved on), so read once more. */
  again(): void {
    this.#again = true;
  }
}
