import { expect } from 'chai';

import type { FormatId } from '../../../../../workers/export/formats/index.ts';
import { parseLighttrackFile } from '../../../../../workers/export/lighttrack-json.ts';
import { sessions } from '../fixture.ts';

// Every format written in a real dedicated worker in Chromium from the shared fixture, with hand-computed content.
function writeInWorker(format: FormatId, options: Record<string, unknown> = {}): Promise<Uint8Array> {
  const worker = new Worker(new URL('../formats-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ bytes?: Uint8Array; hasDom?: boolean; error?: string }>) => {
      worker.terminate();
      if (e.data.error) reject(new Error(e.data.error));
      else if (e.data.hasDom) reject(new Error('the worker had a DOM'));
      else resolve(e.data.bytes!);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ format, options });
  });
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('export formats in a worker (Chromium, no DOM)', function () {
  this.timeout(60_000);

  it('detailed CSV: header, quoted cells, local DST times, raw and rounded figures, formulas neutralised', async () => {
    const csv = text(await writeInWorker('csv', { bom: true }));
    expect(csv.charCodeAt(0), 'BOM (TextDecoder keeps it off by default)').to.not.equal(0xfeff);
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal(
      'Start date,Start time,End date,End time,Start (ISO),End (ISO),Name,Description,Project,Client,Tags,Billable,Worked (h),Worked (h:mm),Rounded (h),Rounded (h:mm),Paused (h:mm),Rate,Currency,Amount,Amount (rounded),Source,Running,ID',
    );
    expect(lines[1]).to.equal(
      '2026-10-30,09:00:00,2026-10-30,12:30:00,2026-10-30T09:00:00-04:00,2026-10-30T12:30:00-04:00,"Logo ""v2"", draft","First line\nsecond line; with semicolon",Website / Design,"Acme, Inc.","design, client ""A""",yes,3.25,3:15,3.25,3:15,0:15,80.00,USD,260.00,260.00,timer,no,019a0000-0000-7000-8000-000000000001',
    );
    expect(lines[2]).to.equal(
      '2026-10-31,23:00:00,2026-11-01,01:30:00,2026-10-31T23:00:00-04:00,2026-11-01T01:30:00-05:00,服务器迁移,ترحيل الخادم,Ops,,,no,3.50,3:30,3.50,3:30,0:00,,,,,manual,no,019a0000-0000-7000-8000-000000000002',
    );
    expect(lines[4]).to.equal(
      '2026-11-03,08:00:00,2026-11-03,08:20:00,2026-11-03T08:00:00-05:00,2026-11-03T08:20:00-05:00,"\'=HYPERLINK(""http://x"",""click"")",\'+1 call,Website,"Acme, Inc.","\'@home, -minus",yes,0.33,0:20,0.50,0:30,0:00,80.00,USD,26.67,40.00,quick-entry,no,019a0000-0000-7000-8000-000000000004',
    );
    expect(lines.at(-1)).to.equal('');
  });

  it('semicolon CSV: decimal commas in LightTrack number columns', async () => {
    const lines = text(await writeInWorker('csv', { delimiter: ';' })).split('\r\n');
    expect(lines[2]).to.contain(';3,50;3:30;3,50;3:30;');
    expect(lines[1]).to.contain(';"Logo ""v2"", draft";');
  });

  it('Toggl and Clockify presets: their exact headers', async () => {
    expect(text(await writeInWorker('csv-toggl')).split('\r\n')[0]).to.equal(
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)',
    );
    const clockify = text(await writeInWorker('csv-clockify')).split('\r\n');
    expect(clockify[0]).to.equal(
      'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)',
    );
    expect(clockify[5]).to.equal(
      'Website / Design,"Acme, Inc.",Write report 📝 ✅,,Zoë O\'Brien,,,deep work,Yes,11/04/2026,09:00:00 AM,11/04/2026,10:45:30 AM,01:35:30,1.59,80.00,140.00',
    );
  });

  it('summary CSV: the total row', async () => {
    const lines = text(await writeInWorker('csv-summary'))
      .trimEnd()
      .split('\r\n');
    expect(lines.at(-1)).to.equal('Total,,9.56,9:34,10.00,10:00,6.06,6:04,6.50,6:30,5,90.00,440.00');
  });

  // The PDF format is checked in Node (test/node/export-formats.test.mjs): its libraries need CommonJS and JSON
  // conversion, which the app's rollup build does and web-test-runner's unbundled serving does not.
  it('XLSX is a real workbook (a zip) made without a DOM', async () => {
    const xlsx = await writeInWorker('xlsx');
    expect([...xlsx.slice(0, 4)]).to.deep.equal([0x50, 0x4b, 0x03, 0x04]);
    expect(xlsx.length).to.be.within(3_000, 100_000);
  });

  it('Markdown, iCalendar and LightTrack JSON', async () => {
    const md = text(await writeInWorker('markdown'));
    expect(md).to.contain(
      '| 2026-11-03 | 08:00 | 08:20 | Website | =HYPERLINK("http://x","click") | @home, -minus | 0:20 | 0:30 | 40.00 USD |',
    );
    const ics = text(await writeInWorker('ics'));
    expect(ics).to.contain('\r\nUID:019a0000-0000-7000-8000-000000000001@lighttrack\r\n');
    expect(ics).to.contain('\r\nDESCRIPTION:First line\\nsecond line\\; with semicolon\r\n');
    expect(ics).to.contain('\r\nCATEGORIES:design,client "A"\r\n');
    const file = parseLighttrackFile(text(await writeInWorker('lighttrack-json')));
    expect(file.sessions.map((s) => s.id)).to.deep.equal(sessions.map((s) => s.id));
    expect(file.sessions[4]!.end).to.equal(null);
  });
});
