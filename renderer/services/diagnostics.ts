import type { ErrorLogPage, ListErrorsInput, ReportErrorInput } from '../../shared/error-log.ts';
import type { DataClient } from './data-client.ts';

/** The error log kept by the data worker: what Diagnostics lists, and where windows report what they caught. */
export class DiagnosticsService {
  readonly #client: DataClient;

  constructor(client: DataClient) {
    this.#client = client;
  }

  listErrors(input: ListErrorsInput = {}): Promise<ErrorLogPage> {
    return this.#client.data.listErrors(input);
  }

  clearErrors(): Promise<void> {
    return this.#client.data.clearErrors();
  }

  reportError(input: ReportErrorInput): Promise<void> {
    return this.#client.data.reportError(input);
  }
}
