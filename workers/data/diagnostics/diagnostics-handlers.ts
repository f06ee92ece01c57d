import type { DataApi, DiagnosticsApi } from '../../../shared/data-contract.ts';
import { ListErrorsInputSchema, ReportErrorInputSchema, type ErrorLogPage } from '../../../shared/error-log.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { clearErrors, countErrors, detailsJson, listErrors } from './diagnostics.ts';

/** The error log, read and written by windows (Diagnostics) and by the worker itself. */
export class DiagnosticsHandlers implements DiagnosticsApi {
  constructor(private readonly core: Core) {}

  reportError(input: Parameters<DataApi['reportError']>[0]): Promise<void> {
    const parsed = parse(ReportErrorInputSchema, input, 'error report');
    return this.core.appendLog({
      time: this.core.clock(),
      code: parsed.code,
      message: parsed.message,
      details: detailsJson(parsed.details),
      correlationId: parsed.correlationId,
      source: parsed.source,
    });
  }

  listErrors(input?: Parameters<DataApi['listErrors']>[0]): Promise<ErrorLogPage> {
    const { limit, before } = parse(ListErrorsInputSchema, input, 'error list');
    return this.core.serial(async () => {
      const unsaved = this.core.unsavedEntries();
      const db = this.core.info?.status === 'ready' ? this.core.db : null;
      if (!db) return { entries: unsaved.slice(0, limit), total: unsaved.length, unsaved: unsaved.length };
      const saved = await listErrors(db, limit, before);
      return {
        entries: [...(before ? [] : unsaved), ...saved].slice(0, limit),
        total: (await countErrors(db)) + unsaved.length,
        unsaved: unsaved.length,
      };
    });
  }

  clearErrors(): Promise<void> {
    return this.core.serial(async () => {
      this.core.unsaved.length = 0;
      if (this.core.db && this.core.info?.status === 'ready') await clearErrors(this.core.db);
    });
  }
}
