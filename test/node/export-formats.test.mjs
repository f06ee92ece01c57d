// Every export format written in Node from the shared fixture (test/browser/workers/export/fixture.ts) and read back
// by independent readers: Python's csv module and openpyxl, poppler's pdftotext, ical.js. A missing tool skips its
// test with a message saying what to install.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ICAL from 'ical.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'lighttrack-export-'));
const has = (tool, args) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const python = has('/usr/bin/python3', ['-c', 'import csv']) ? '/usr/bin/python3' : null;
const openpyxl = python && has(python, ['-c', 'import openpyxl']);
const pdftotext = has('pdftotext', ['-v']);
const soffice = has('soffice', ['--version']);
const PACKAGES = { pdftotext: 'poppler-utils', openpyxl: 'python3-openpyxl', soffice: 'libreoffice-calc' };
const skip = (ok, what) => (ok ? false : `${what} is not installed (apt-get install ${PACKAGES[what]})`);

let m; // the bundled formats and fixture
const files = {};

async function write(format, options = {}) {
  const writer = await m.createWriter(format, m.context, options);
  const parts = [];
  // two pages, as the export worker would feed them
  parts.push(await writer.page(m.sessions.slice(0, 2)));
  parts.push(await writer.page(m.sessions.slice(2)));
  parts.push(await writer.finish(m.report));
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

const py = (script, ...args) => execFileSync(python, ['-c', script, ...args], { encoding: 'utf8' });
const readCsv = (file, delimiter = ',') =>
  JSON.parse(
    py(
      'import csv,json,sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f: print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))',
      file,
      delimiter,
    ),
  );

before(async () => {
  const out = path.join(dir, 'formats.mjs');
  await build({
    stdin: {
      contents: `export * from './workers/export/formats/index.ts';
        export * from './test/browser/workers/export/fixture.ts';
        export { loadPdfFonts } from './workers/export/formats/pdf-fonts.ts';
        export { parseLighttrackFile } from './workers/export/lighttrack-json.ts';
        export { LIGHTTRACK_CSV_HEADER } from './workers/export/formats/csv-lighttrack.ts';
        export { XLSX_SESSION_HEADER } from './workers/export/formats/xlsx.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  m = await import(pathToFileURL(out).href);
  const save = async (name, format, options) => {
    files[name] = path.join(dir, name);
    writeFileSync(files[name], await write(format, options));
  };
  await save('detailed.csv', 'csv', { bom: true });
  await save('detailed-semicolon.csv', 'csv', { delimiter: ';' });
  await save('toggl.csv', 'csv-toggl', { currencies: ['USD', 'EUR'] });
  await save('clockify.csv', 'csv-clockify', { currencies: ['USD', 'EUR'] });
  await save('summary.csv', 'csv-summary', {});
  await save('sheet.xlsx', 'xlsx', {});
  await save('timesheet.md', 'markdown', {});
  await save('calendar.ics', 'ics', {});
  await save('lighttrack.json', 'lighttrack-json', m.lighttrackExtras);
  const fonts = await m.loadPdfFonts(
    async (file) => new Uint8Array(readFileSync(path.join(root, 'node_modules', file))),
  );
  await save('timesheet.pdf', 'pdf', { fonts });
  m.context.paper = 'letter';
  await save('timesheet-letter.pdf', 'pdf', { fonts });
  m.context.paper = 'a4';
});

describe('export formats read back by independent readers', () => {
  it(
    'detailed CSV: Python csv reads every session back as written, injection-looking text neutralised',
    { skip: skip(python, 'python3') },
    () => {
      assert.equal(readFileSync(files['detailed.csv'])[0], 0xef, 'starts with a UTF-8 BOM');
      const [header, ...rows] = readCsv(files['detailed.csv']);
      assert.deepEqual(header, [...m.LIGHTTRACK_CSV_HEADER]);
      assert.equal(rows.length, 5);
      const col = (name) => header.indexOf(name);
      assert.deepEqual(
        rows.map((r) => r[col('Name')]),
        ['Logo "v2", draft', '服务器迁移', 'مراجعة التصميم', '\'=HYPERLINK("http://x","click")', 'Write report 📝 ✅'],
      );
      assert.equal(rows[0][col('Description')], 'First line\nsecond line; with semicolon');
      assert.equal(rows[0][col('Tags')], 'design, client "A"');
      assert.deepEqual(rows[1].slice(0, 6), [
        '2026-10-31',
        '23:00:00',
        '2026-11-01',
        '01:30:00',
        '2026-10-31T23:00:00-04:00',
        '2026-11-01T01:30:00-05:00',
      ]);
      assert.deepEqual(
        rows.map((r) => [
          r[col('Worked (h)')],
          r[col('Worked (h:mm)')],
          r[col('Rounded (h)')],
          r[col('Rounded (h:mm)')],
        ]),
        [
          ['3.25', '3:15', '3.25', '3:15'],
          ['3.50', '3:30', '3.50', '3:30'],
          ['0.88', '0:53', '1.00', '1:00'],
          ['0.33', '0:20', '0.50', '0:30'],
          ['1.59', '1:36', '1.75', '1:45'],
        ],
      );
      assert.deepEqual(
        rows.map((r) => [r[col('Amount')], r[col('Amount (rounded)')], r[col('Currency')]]),
        [
          ['260.00', '260.00', 'USD'],
          ['', '', ''],
          ['79.50', '90.00', 'EUR'],
          ['26.67', '40.00', 'USD'],
          ['127.33', '140.00', 'USD'],
        ],
      );
      assert.equal(rows[3][col('Description')], "'+1 call");
      assert.equal(rows[3][col('Tags')], "'@home, -minus", 'only the cell start matters');
      assert.equal(rows[0][col('Paused (h:mm)')], '0:15');
      assert.equal(rows[4][col('Running')], 'yes');
      assert.equal(rows[2][col('Client')], 'مؤسسة الأمل');
    },
  );

  it('semicolon CSV uses decimal commas in its number columns only', { skip: skip(python, 'python3') }, () => {
    const [header, ...rows] = readCsv(files['detailed-semicolon.csv'], ';');
    assert.equal(rows[0][header.indexOf('Worked (h)')], '3,25');
    assert.equal(rows[2][header.indexOf('Amount')], '79,50');
    assert.equal(rows[0][header.indexOf('Name')], 'Logo "v2", draft');
  });

  it("Toggl preset: exactly Toggl's header and value formats", { skip: skip(python, 'python3') }, () => {
    const [header, ...rows] = readCsv(files['toggl.csv']);
    assert.deepEqual(
      header,
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD),Amount (EUR)'.split(
        ',',
      ),
    );
    assert.deepEqual(rows[0], [
      "Zoë O'Brien",
      '',
      'Acme, Inc.',
      'Website / Design',
      '',
      'Logo "v2", draft',
      'Yes',
      '2026-10-30',
      '09:00:00',
      '2026-10-30',
      '12:30:00',
      '03:15:00',
      'design, client "A"',
      '260.00',
      '',
    ]);
    assert.deepEqual(rows[1].slice(6, 12), ['No', '2026-10-31', '23:00:00', '2026-11-01', '01:30:00', '03:30:00']);
    assert.deepEqual(rows[2].slice(-2), ['', '90.00']);
  });

  it("Clockify preset: exactly Clockify's header and value formats", { skip: skip(python, 'python3') }, () => {
    const [header, ...rows] = readCsv(files['clockify.csv']);
    assert.deepEqual(
      header,
      'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD),Billable Rate (EUR),Billable Amount (EUR)'.split(
        ',',
      ),
    );
    assert.deepEqual(rows[0], [
      'Website / Design',
      'Acme, Inc.',
      'Logo "v2", draft',
      '',
      "Zoë O'Brien",
      '',
      '',
      'design, client "A"',
      'Yes',
      '10/30/2026',
      '09:00:00 AM',
      '10/30/2026',
      '12:30:00 PM',
      '03:15:00',
      '3.25',
      '80.00',
      '260.00',
      '',
      '',
    ]);
    assert.deepEqual(rows[1].slice(9, 15), [
      '10/31/2026',
      '11:00:00 PM',
      '11/01/2026',
      '01:30:00 AM',
      '03:30:00',
      '3.50',
    ]);
    assert.deepEqual(rows[2].slice(-4), ['', '', '90.00', '90.00']);
  });

  it(
    'summary CSV: groups, sub-groups and a total, one amount column per currency',
    { skip: skip(python, 'python3') },
    () => {
      const rows = readCsv(files['summary.csv']);
      assert.deepEqual(rows[0].slice(0, 4), ['Project', 'Day', 'Worked (h)', 'Worked (h:mm)']);
      assert.deepEqual(rows[0].slice(-2), ['Amount (EUR)', 'Amount (USD)']);
      assert.deepEqual(rows[1].slice(0, 4), ['Website / Design', '', '4.84', '4:51']);
      assert.deepEqual(rows[2].slice(0, 2), ['Website / Design', '2026-10-30']);
      const total = rows.at(-1);
      assert.deepEqual(
        [total[0], total[3], total[5], total.at(-2), total.at(-1)],
        ['Total', '9:34', '10:00', '90.00', '440.00'],
      );
    },
  );

  it(
    'XLSX: openpyxl finds typed cells, duration formats and a frozen header row',
    { skip: skip(openpyxl, 'openpyxl') },
    () => {
      const got = JSON.parse(
        py(
          `
import json, sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
s = wb['Sessions']; t = wb['Summary']
row = [c for c in s[3]]
days = lambda v: v.total_seconds() / 86400 if isinstance(v, datetime.timedelta) else v
print(json.dumps({
  'sheets': wb.sheetnames, 'frozen': [s.freeze_panes, t.freeze_panes],
  'header': [c.value for c in s[1]],
  'start': [isinstance(row[0].value, datetime.datetime), row[0].value.isoformat()],
  'end': row[1].value.isoformat(),
  'worked': [days(row[8].value), row[8].number_format], 'amount': [s['N2'].value, s['N2'].number_format],
  'name': s['E3'].value, 'injected': s['E5'].value,
  'total': [t.cell(t.max_row, 1).value, days(t.cell(t.max_row, 3).value), t.cell(t.max_row, 3).number_format],
}))`,
          files['sheet.xlsx'],
        ),
      );
      assert.deepEqual(got.sheets, ['Sessions', 'Summary']);
      assert.deepEqual(got.frozen, ['A2', 'A2']);
      assert.deepEqual(got.header, m.XLSX_SESSION_HEADER);
      assert.deepEqual(got.start, [true, '2026-10-31T23:00:00'], 'local wall time in America/New_York');
      assert.equal(got.end, '2026-11-01T01:30:00');
      assert.ok(Math.abs(got.worked[0] - 3.5 / 24) < 1e-9 && got.worked[1].includes('h'));
      assert.equal(got.amount[0], 260);
      assert.match(got.amount[1], /0\.00.*USD/);
      assert.equal(got.name, '服务器迁移');
      assert.equal(got.injected, '=HYPERLINK("http://x","click")', 'a string cell, never a formula');
      assert.equal(got.total[0], 'Total');
      assert.ok(Math.abs(got.total[1] - 34_410_000 / 86_400_000) < 1e-9 && got.total[2].includes('h'));
    },
  );

  // LibreOffice headless, with a profile of its own (it refuses to share one with a running instance)
  const libreoffice = (args) =>
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--norestore', ...args], {
      encoding: 'utf8',
      timeout: 120_000,
    });

  it(
    'XLSX: LibreOffice opens it and shows dates, durations and amounts formatted',
    { skip: skip(soffice, 'soffice') },
    () => {
      // every sheet to CSV "as shown" (token 9), UTF-8 (76)
      libreoffice([
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        path.join(dir, 'lo'),
        files['sheet.xlsx'],
      ]);
      const sessions = readCsv(path.join(dir, 'lo', 'sheet-Sessions.csv'));
      const summary = readCsv(path.join(dir, 'lo', 'sheet-Summary.csv'));
      assert.deepEqual(sessions[0], m.XLSX_SESSION_HEADER);
      const first = Object.fromEntries(sessions[0].map((h, i) => [h, sessions[1][i]]));
      assert.deepEqual(
        [first.Start, first.End, first.Worked, first['Worked (h)'], first.Rate, first.Amount],
        ['2026-10-30 09:00', '2026-10-30 12:30', '3:15', '3.25', '80.00 USD', '260.00 USD'],
      );
      assert.equal(first.Description, 'First line\nsecond line; with semicolon');
      assert.deepEqual(sessions[2].slice(4, 6), ['服务器迁移', 'ترحيل الخادم']);
      assert.equal(sessions[4][4], '=HYPERLINK("http://x","click")', 'shown as text, not run as a formula');
      assert.deepEqual(summary.at(-1).slice(0, 3), ['Total', '', '9:33']);
    },
  );

  it(
    'CSV: LibreOffice opens it with typed cells and the text intact',
    { skip: skip(soffice, 'soffice') || skip(openpyxl, 'openpyxl') },
    () => {
      libreoffice([
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'lo'),
        files['detailed.csv'],
      ]);
      const got = JSON.parse(
        py(
          `
import json, sys, openpyxl
s = openpyxl.load_workbook(sys.argv[1]).active
rows = [[type(v).__name__ if i in (0, 1, 12, 19) else v for i, v in enumerate(r)] for r in s.iter_rows(min_row=2, values_only=True)]
print(json.dumps(rows, default=str))`,
          path.join(dir, 'lo', 'detailed.xlsx'),
        ),
      );
      // dates, times and numbers typed; names, newlines, quotes and the guarded formula as they were
      assert.deepEqual(got[0].slice(0, 2), ['datetime', 'time']);
      assert.deepEqual([got[0][12], got[0][19]], ['float', 'int']);
      assert.deepEqual([got[0][6], got[0][7]], ['Logo "v2", draft', 'First line\nsecond line; with semicolon']);
      assert.equal(got[1][6], '服务器迁移');
      assert.equal(got[3][6], `'=HYPERLINK("http://x","click")`);
      assert.equal(got[4][6], 'Write report 📝 ✅');
    },
  );

  for (const name of ['timesheet.pdf', 'timesheet-letter.pdf']) {
    it(
      `PDF (${name}): pdftotext shows totals, names in every script and page numbers`,
      { skip: skip(pdftotext, 'pdftotext') },
      () => {
        const text = execFileSync('pdftotext', ['-layout', files[name], '-'], { encoding: 'utf8' });
        for (const expected of [
          'Timesheet',
          '2026-10-30 to 2026-11-04',
          "Zoë O'Brien",
          'Acme, Inc.',
          'Totals per project',
          'Website / Design',
          '9:34',
          '10:00',
          '440.00 USD',
          '90.00 EUR',
          'Logo "v2", draft',
          '服务器迁移',
          'Write report',
          'Hours per day',
          'Page 1 of',
        ]) {
          assert.ok(text.includes(expected), `${expected} in the PDF text`);
        }
        assert.ok(/ا|ل|م/.test(text), 'Arabic letters are extractable');
        assert.ok(!text.includes('📝'), 'emoji dropped');
        const info = execFileSync('pdfinfo', [files[name]], { encoding: 'utf8' });
        assert.match(info, name.includes('letter') ? /612 x 792/ : /595\.2\d x 841\.8\d/);
      },
    );
  }

  it(
    'PDF: 150 sessions break over pages with the header repeated; a 10,000-character name is cut, not spilled',
    { skip: skip(pdftotext, 'pdftotext') },
    async () => {
      const fonts = await m.loadPdfFonts(
        async (file) => new Uint8Array(readFileSync(path.join(root, 'node_modules', file))),
      );
      const many = Array.from({ length: 150 }, (_, i) => ({
        ...m.sessions[i % 4],
        id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        name: i === 7 ? 'Long '.repeat(2000) : `Session ${i}`,
      }));
      const writer = await m.createWriter('pdf', m.context, { fonts });
      const parts = [
        await writer.page(many.slice(0, 100)),
        await writer.page(many.slice(100)),
        await writer.finish(m.report),
      ];
      files['many.pdf'] = path.join(dir, 'many.pdf');
      writeFileSync(files['many.pdf'], Buffer.concat(parts.map((p) => Buffer.from(p))));
      const pages = execFileSync('pdftotext', ['-layout', files['many.pdf'], '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p) => p.trim());
      assert.ok(pages.length >= 4, `${pages.length} pages`);
      pages.forEach((page, i) => {
        assert.ok(page.includes(`Page ${i + 1} of ${pages.length}`), `page number on page ${i + 1}`);
        if (i > 0 && page.includes('Session '))
          assert.match(
            page,
            /Date\s+Time\s+Project\s+Name\s+Worked\s+Rounded\s+Amount/,
            `header repeated on page ${i + 1}`,
          );
      });
      assert.ok(pages.join('').includes('Session 149'));
      assert.ok(!pages.join('').includes('Long '.repeat(60)), 'the long name is cut with an ellipsis');
    },
  );

  it(
    'PDF without the CJK font (not shipped, or failed to load): CJK becomes ?, the rest of the sheet stays readable; 12-hour clock',
    { skip: skip(pdftotext, 'pdftotext') },
    async () => {
      const fonts = await m.loadPdfFonts(
        async (file) => new Uint8Array(readFileSync(path.join(root, 'node_modules', file))),
      );
      const writer = await m.createWriter(
        'pdf',
        { ...m.context, hour12: true, paper: 'letter' },
        { fonts: { ...fonts, cjk: async () => null } },
      );
      const parts = [await writer.page(m.sessions), await writer.finish(m.report)];
      files['no-cjk.pdf'] = path.join(dir, 'no-cjk.pdf');
      writeFileSync(files['no-cjk.pdf'], Buffer.concat(parts.map((p) => Buffer.from(p))));
      const text = execFileSync('pdftotext', ['-layout', files['no-cjk.pdf'], '-'], { encoding: 'utf8' });
      assert.ok(text.includes('?????'), 'five CJK characters, five ?');
      assert.ok(!text.includes('服'));
      assert.ok(text.includes('11:00 PM–1:30 AM (+1)'), '12-hour clock');
      assert.ok(text.includes('440.00 USD'));
    },
  );

  it('an export with no sessions is still a valid file in every format', async () => {
    const fonts = await m.loadPdfFonts(
      async (file) => new Uint8Array(readFileSync(path.join(root, 'node_modules', file))),
    );
    const empty = {
      ...m.report,
      groups: [],
      totals: { ms: 0, roundedMs: 0, billableMs: 0, billableRoundedMs: 0, sessions: 0, amounts: [] },
    };
    for (const format of m.FORMAT_IDS) {
      const options = format === 'pdf' ? { fonts } : format === 'lighttrack-json' ? m.lighttrackExtras : {};
      const writer = await m.createWriter(format, m.context, options);
      const bytes = Buffer.from(await writer.finish(empty));
      assert.ok(bytes.length > 0, format);
      if (format === 'lighttrack-json') assert.deepEqual(m.parseLighttrackFile(bytes.toString('utf8')).sessions, []);
      if (format === 'ics')
        assert.equal(new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent').length, 0);
      if (format === 'csv') assert.equal(bytes.toString('utf8'), m.LIGHTTRACK_CSV_HEADER.join(',') + '\r\n');
      if (format === 'pdf') assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    }
  });

  it('Markdown: heading, period, sessions with escaped pipes, totals per project', () => {
    const md = readFileSync(files['timesheet.md'], 'utf8');
    assert.ok(md.startsWith('# Timesheet: Fall-back week\n'));
    assert.ok(md.includes('**Period:** 2026-10-30 to 2026-11-04'));
    assert.ok(md.includes('| 2026-10-31 | 23:00 | 01:30 (2026-11-01) | Ops | 服务器迁移 |  | 3:30 | 3:30 |  |'));
    assert.ok(md.includes('| **Total** | **9:34** | **10:00** | **6:30** | **90.00** | **440.00** |'));
    assert.ok(md.includes('\\=HYPERLINK') === false && md.includes('=HYPERLINK("http://x","click")'));
  });

  it('iCalendar: ical.js parses one event per session with stable UIDs, UTC times, escaped text, folded lines', () => {
    const ics = readFileSync(files['calendar.ics'], 'utf8');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line within 75 octets: ${line}`);
    assert.ok(!/[^\r]\n/.test(ics), 'CRLF only');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.deepEqual(
      events.map((e) => e.uid),
      m.sessions.map((s) => `${s.id}@lighttrack`),
    );
    assert.deepEqual(
      events.map((e) => e.startDate.toJSDate().getTime()),
      m.sessions.map((s) => s.start),
    );
    assert.deepEqual(
      events.map((e) => e.endDate.toJSDate().getTime()),
      m.sessions.map((s) => s.end),
    );
    assert.deepEqual(
      events.map((e) => e.summary),
      m.sessions.map((s) => s.name),
    );
    assert.equal(events[0].description, 'First line\nsecond line; with semicolon');
    assert.deepEqual(events[0].component.getFirstProperty('categories').getValues(), ['design', 'client "A"']);
    assert.ok(ics.includes('\r\nDTSTART:20261103T130000Z\r\nDTEND:20261103T132000Z\r\n'), 'UTC times');
    assert.equal(events[3].summary, '=HYPERLINK("http://x","click")');
  });

  it('LightTrack JSON: validates against its own schema and gives back exactly what was written', () => {
    const file = m.parseLighttrackFile(readFileSync(files['lighttrack.json'], 'utf8'));
    assert.equal(file.format, 'lighttrack');
    assert.equal(file.version, 1);
    assert.equal(file.exportedAt, m.context.generatedAt);
    assert.deepEqual(file.projects, m.lighttrackExtras.projects);
    assert.deepEqual(file.tags, m.lighttrackExtras.tags);
    assert.deepEqual(file.goals, m.lighttrackExtras.goals);
    assert.deepEqual(file.settings, m.lighttrackExtras.settings);
    assert.deepEqual(
      file.sessions,
      m.sessions.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        projectId: s.projectId,
        tags: s.tags,
        billable: s.billable,
        start: s.start,
        end: s.running ? null : s.end,
        pauses: s.pauses,
        source: s.source,
      })),
    );
  });

  it('LightTrack JSON: a damaged file is refused with the path of its first bad field', () => {
    const good = JSON.parse(readFileSync(files['lighttrack.json'], 'utf8'));
    const refused = (change, path) => {
      const file = structuredClone(good);
      change(file);
      assert.throws(
        () => m.parseLighttrackFile(JSON.stringify(file)),
        (e) => e.code === 'VALIDATION' && e.details.path === path && e.message.includes(path),
      );
    };
    refused((f) => {
      f.version = 2;
    }, 'version');
    refused((f) => {
      f.sessions[2].start = -5;
    }, 'sessions.2.start');
    refused((f) => {
      f.sessions[1].name = 'a\0b';
    }, 'sessions.1.name');
    refused((f) => {
      f.sessions[0].projectId = '019a0000-0000-7000-8000-0000000000ff';
    }, 'sessions.0.projectId');
    refused((f) => {
      f.sessions[0].tags.push('nope');
    }, 'sessions.0.tags.2');
    refused((f) => {
      f.projects[0].parentId = f.projects[1].id;
    }, 'projects.0.parentId');
    refused((f) => {
      f.tags[1].id = f.tags[0].id;
    }, 'tags.1.id');
    refused((f) => {
      f.settings.theme = 'neon';
    }, 'settings.theme');
    refused((f) => {
      f.extra = 1;
    }, 'extra');
    for (const text of ['', 'not json', '[]', '{"format":"toggl"}', '['.repeat(100_000) + ']'.repeat(100_000)]) {
      assert.throws(
        () => m.parseLighttrackFile(text),
        (e) => e.code === 'VALIDATION',
        text.slice(0, 20),
      );
    }
  });
});
