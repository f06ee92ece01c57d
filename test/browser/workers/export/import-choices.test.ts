import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { exportClientFor, type ImportSummary } from '../../../../renderer/services/export-client.ts';

import '../../../../renderer/views/exports/lt-import-dialog.ts';

import type { LtImportDialog } from '../../../../renderer/views/exports/lt-import-dialog.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

const exportWorkerUrl = new URL('../../../../workers/export/export-worker.ts', import.meta.url);
const dataWorkerUrl = new URL('../../../../workers/data/data-worker.ts', import.meta.url);
const H = 3_600_000;

async function fixture(name: string): Promise<File> {
  const response = await fetch(new URL(`../../../fixtures/imports/${name}`, import.meta.url));
  return new File([await response.blob()], name);
}

/** The import dialog in real Chromium, on a real data worker and a real export worker. */
describe('import preview choices: time zone and Timewarrior rule re-run the preview', () => {
  let data: DataClient;
  let dialog: LtImportDialog;
  const summary = () => (dialog as unknown as { summary: ImportSummary | null }).summary;
  const part = <E extends Element>(selector: string) => dialog.shadowRoot!.querySelector<E>(selector);

  beforeEach(async () => {
    data = new DataClient({ workerUrl: dataWorkerUrl, dbName: uniqueDbName('import-choices') });
    await data.start();
    exportClientFor(data, exportWorkerUrl);
    dialog = document.createElement('lt-import-dialog');
    dialog.client = data;
    document.body.append(dialog);
    dialog.show();
    await until(() => part('input[type="file"]'), 'the file input');
  });
  afterEach(() => {
    exportClientFor(data).dispose();
    dialog.remove();
    data.dispose();
  });

  async function pick(file: File): Promise<ImportSummary> {
    const input = part<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    return until(() => summary(), 'the preview');
  }

  it('a Toggl CSV is read in this machine’s zone, and again in the zone chosen from the list', async function () {
    this.timeout(30_000);
    const first = await pick(await fixture('toggl-detailed.csv'));
    expect(first).to.include({ format: 'toggl-csv', wallTime: true, timeZone: 'America/New_York' });
    expect(first.timewarriorProjectRule).to.equal(null);
    await until(() => part('input[name="time-zone"]'), 'the zone field');
    const zone = part<HTMLInputElement>('input[name="time-zone"]')!;
    expect(zone.value).to.equal('America/New_York');
    expect(part('datalist#import-zones')!.querySelectorAll('option').length).to.be.greaterThan(300);

    zone.value = 'Asia/Tokyo';
    zone.dispatchEvent(new Event('change'));
    const tokyo = await until(() => (summary()!.timeZone === 'Asia/Tokyo' ? summary() : null), 'the Tokyo preview');
    // 2024-03-08 09:00: EST is UTC−5, Tokyo UTC+9, so the same wall time is 14 hours earlier
    expect(first.first! - tokyo.first!).to.equal(14 * H);
    expect(tokyo.previewId).to.not.equal(first.previewId);

    zone.value = 'Not/AZone';
    zone.dispatchEvent(new Event('change'));
    expect(zone.value).to.equal('Asia/Tokyo'); // not a zone: back to the one in force, nothing re-run
  });

  it('a Timewarrior export offers the tag rule; choosing “no project” re-reads the tags', async function () {
    this.timeout(30_000);
    const first = await pick(await fixture('timewarrior.json'));
    expect(first).to.include({ format: 'timewarrior-json', wallTime: false, timewarriorProjectRule: 'first-tag' });
    expect(part('input[name="time-zone"]')).to.equal(null);
    expect(first.projects.map((p) => p.path.join('/'))).to.include('Website');
    const select = await until(() => part<HTMLSelectElement>('select[name="timewarrior-rule"]'), 'the rule select');
    select.value = 'none';
    select.dispatchEvent(new Event('change'));
    const none = await until(
      () => (summary()!.timewarriorProjectRule === 'none' ? summary() : null),
      'the preview with no project',
    );
    expect(none.projects.map((p) => p.path)).to.deep.equal([[]]);
    expect(none.tags.map((t) => t.name)).to.include('Website');
  });
});
