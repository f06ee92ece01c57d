import { expect } from 'chai';

import type { LtExportDialog } from '../../../../../renderer/views/exports/lt-export-dialog.ts';
import { deep, mountApp, prepareDatabase, type Mounted } from '../../../harness/app-harness.ts';
import { until } from '../../../harness/wait.ts';
import { uniqueDbName } from '../../../harness/worker-harness.ts';

const selection = { from: '2026-03-01', to: '2026-03-31', title: 'March 2026' };

/** "Run again" in the export history: the entry's selection, format and options, in the real app on a real worker. */
describe('export history: Run again re-uses the entry’s options', () => {
  let m: Mounted;
  afterEach(() => m.stop());

  it('opens the export dialog with the saved delimiter, BOM and durations; a new export starts from the defaults', async function () {
    this.timeout(30_000);
    const dbName = uniqueDbName('export-again');
    await prepareDatabase(dbName, async (api) => {
      await api.recordExport({
        at: Date.now(),
        format: 'csv-toggl',
        selection,
        options: { delimiter: ';', bom: true, durations: 'decimal' },
        rows: 3,
        bytes: 300,
        destination: 'march.csv',
        status: 'ok',
      });
    });
    m = mountApp(dbName, 'reports');
    const reports = await until(() => deep(m.app, 'lt-reports-view'), 'the reports view');
    const summary = await until(
      () => reports.shadowRoot?.querySelector<HTMLElement>('details.exports summary'),
      'the history',
    );
    summary.click();
    const again = await until(
      () =>
        deep(m.app, 'lt-reports-view', 'lt-export-history')?.shadowRoot?.querySelector<HTMLButtonElement>('li button'),
      'Run again',
    );
    again.click();
    const dialog = await until(() => deep<LtExportDialog>(m.app, 'lt-reports-view', 'lt-export-dialog'), 'the dialog');
    await until(() => dialog.shadowRoot?.querySelector('select[name="delimiter"]'), 'the CSV options');
    await dialog.updateComplete;
    expect(dialog.format).to.equal('csv-toggl');
    expect(dialog.selection).to.deep.include(selection);
    expect(dialog.options).to.deep.equal({ delimiter: ';', bom: true, durations: 'decimal' });
    const root = dialog.shadowRoot!;
    expect(root.querySelector<HTMLSelectElement>('select[name="delimiter"]')!.value).to.equal(';');
    expect(root.querySelector<HTMLInputElement>('input[name="bom"]')!.checked).to.equal(true);
    expect(root.querySelector<HTMLSelectElement>('select[name="durations"]')!.value).to.equal('decimal');

    // "Export…" for the report shown starts from the defaults again
    await (reports as unknown as { openExport(): Promise<void> }).openExport();
    await dialog.updateComplete;
    expect(dialog.options).to.deep.equal({ delimiter: ',', bom: false, durations: 'hm' });
  });
});
