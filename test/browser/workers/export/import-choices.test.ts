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
describe('import dialog: time zone and Timewarrior choices re-run the preview; a LightTrack file shows its restore', () => {
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

  it('a LightTrack JSON file shows what its restore creates; into an empty database its settings are ticked', async function () {
    this.timeout(30_000);
    const P = '019a0000-0000-7000-8000-0000000000a1';
    const T = Date.UTC(2026, 2, 2, 14);
    const file = {
      format: 'lighttrack',
      version: 1,
      exportedAt: T,
      projects: [
        { id: P, name: 'Website', color: '#3366ff', parentId: null, client: 'Acme', hourlyRate: 80, currency: 'USD' },
      ].map((p) => ({
        ...p,
        billableDefault: false,
        budgetMinutes: null,
        budgetPeriod: null,
        estimateMinutes: null,
        productivity: 'neutral',
        archivedAt: null,
        createdAt: T,
        updatedAt: T,
      })),
      tags: [],
      goals: [],
      settings: { weekStart: 0, exportPerson: 'Zoë' },
      sessions: [
        {
          id: '019a0000-0000-7000-8000-000000000001',
          name: 'Design',
          description: '',
          projectId: P,
          tags: [],
          billable: true,
          start: T,
          end: T + H,
          pauses: [{ start: T + 10 * 60_000, end: T + 20 * 60_000 }],
          source: 'timer',
        },
      ],
    };
    const s = await pick(new File([JSON.stringify(file)], 'backup.json'));
    expect(s.restore).to.deep.include({ projectsToCreate: 1, tagsToCreate: 0, emptyDatabase: true });
    await dialog.updateComplete;
    const figures = [...part('ul[data-restore]')!.querySelectorAll('li')].map(
      (li) => `${li.querySelector('strong')!.textContent} ${li.querySelector('span')!.textContent}`,
    );
    expect(figures).to.deep.equal(['1 project to create', '0 tags to create', '0 goals to add', '2 settings differ']);
    const tick = part<HTMLInputElement>('input[name="restore-settings"]')!;
    expect(tick.checked).to.equal(true);
    const confirm = [...dialog.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent!.startsWith('Restore'),
    )!;
    confirm.click();
    await until(async () => (await data.data.getSettings()).exportPerson === 'Zoë', 'the settings restored');
    expect((await data.data.getSettings()).weekStart).to.equal(0);
    const page = await data.data.exportSessions({ from: '2026-03-01', to: '2026-03-31', generatedAt: T + 2 * H });
    expect(page.sessions.map((x) => [x.name, x.projectPath, x.workedMs])).to.deep.equal([
      ['Design', ['Website'], 50 * 60_000],
    ]);
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
