import { expect } from 'chai';

import { DEFAULT_SETTINGS, defaultPaper } from '../../../../shared/settings.ts';
import { rejection, startDataWorker, uniqueDbName, type WorkerHandle } from '../../harness/worker-harness.ts';

const CONTEXT = { from: '2026-03-01', to: '2026-03-31', title: 'March', generatedAt: 1_770_000_000_000 };

describe('export settings: person, client and paper on documents (real data worker on OPFS)', () => {
  let data: WorkerHandle;
  beforeEach(async () => {
    data = startDataWorker();
    await data.api.open({ name: uniqueDbName('export-settings') });
  });
  afterEach(() => data.worker.terminate());

  it('paper defaults from the locale: Letter in the US and Canada, A4 elsewhere', () => {
    expect(['en-US', 'en-CA', 'fr-CA'].map(defaultPaper)).to.deep.equal(['letter', 'letter', 'letter']);
    expect(['en-GB', 'de-DE', 'fr', 'ja-JP', 'en'].map(defaultPaper)).to.deep.equal(['a4', 'a4', 'a4', 'a4', 'a4']);
    expect(DEFAULT_SETTINGS.paper).to.equal(defaultPaper(Intl.DateTimeFormat().resolvedOptions().locale));
  });

  it('an export context carries the settings: no person or client until set, then the ones set', async () => {
    const settings = await data.api.getSettings();
    expect(settings).to.include({ exportPerson: '', exportClient: '' });
    const empty = await data.api.exportContext(CONTEXT);
    expect(empty).to.include({ person: null, client: null, paper: settings.paper });

    await data.api.updateSettings({ exportPerson: 'Zoë O’Brien', exportClient: 'مؤسسة الأمل, Inc.', paper: 'letter' });
    expect(await data.api.exportContext(CONTEXT)).to.include({
      person: 'Zoë O’Brien',
      client: 'مؤسسة الأمل, Inc.',
      paper: 'letter',
    });
    await data.api.updateSettings({ paper: 'a4' });
    expect((await data.api.exportContext(CONTEXT)).paper).to.equal('a4');
    expect((await data.api.settingsHistory()).map((h) => h.key)).to.include.members(['exportPerson', 'paper']);
  });

  it('refuses a name over 120 characters, a NUL, a paper it does not know; nothing changes', async () => {
    for (const patch of [{ exportPerson: 'x'.repeat(121) }, { exportClient: 'a\0b' }, { paper: 'a3' }]) {
      const error = await rejection(data.api.updateSettings(patch as never));
      expect(error.code).to.equal('VALIDATION');
    }
    expect(await data.api.getSettings()).to.include({ exportPerson: '', exportClient: '' });
    await data.api.updateSettings({ exportPerson: 'y'.repeat(120) });
    expect((await data.api.exportContext(CONTEXT)).person).to.have.length(120);
  });
});
