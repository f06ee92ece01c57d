import { expect } from 'chai';

import { csvRow, neutralise, quote, restoreNeutralised } from '../../../../../workers/export/formats/csv-cells.ts';
import { fold, icsText } from '../../../../../workers/export/formats/icalendar.ts';
import { mdCell } from '../../../../../workers/export/formats/markdown.ts';
import { clock12, decimalHours, hm, hms, isoLocal, localTime } from '../../../../../workers/export/formats/values.ts';

// Table-driven corpora for the small grammars every format relies on.
describe('export cells', () => {
  it('neutralises only text that a spreadsheet would run, and the import side undoes it', () => {
    const cases: [string, string][] = [
      ['=SUM(A1)', "'=SUM(A1)"],
      ['+1 call', "'+1 call"],
      ['-minus', "'-minus"],
      ['@home', "'@home"],
      ['\tTab', "'\tTab"],
      ['\rCR', "'\rCR"],
      ['a=b', 'a=b'],
      ['', ''],
      ["'quoted", "'quoted"],
      ['1-2', '1-2'],
    ];
    for (const [input, output] of cases) {
      expect(neutralise(input), input).to.equal(output);
      expect(restoreNeutralised(neutralise(input)), input).to.equal(input);
    }
  });

  it('quotes as RFC 4180 says and leaves our own numbers alone', () => {
    expect(quote('plain', ',')).to.equal('plain');
    expect(quote('a,b', ',')).to.equal('"a,b"');
    expect(quote('a;b', ',')).to.equal('a;b');
    expect(quote('a;b', ';')).to.equal('"a;b"');
    expect(quote('say "hi"', ',')).to.equal('"say ""hi"""');
    expect(quote('two\nlines', ',')).to.equal('"two\nlines"');
    expect(csvRow(['-1.50', { text: '-1.50' }, { text: '=1' }], ',')).to.equal("-1.50,'-1.50,'=1\r\n");
  });

  it('escapes iCalendar text and folds at 75 octets without splitting a character', () => {
    expect(icsText('a,b;c\\d\ne')).to.equal('a\\,b\\;c\\\\d\\ne');
    const folded = fold(`SUMMARY:${'服'.repeat(40)}`);
    const lines = folded.split('\r\n').filter(Boolean);
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).to.equal(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).to.equal(`SUMMARY:${'服'.repeat(40)}`);
    expect(fold('SHORT:x')).to.equal('SHORT:x\r\n');
  });

  it('escapes Markdown table cells', () => {
    expect(mdCell('a | b')).to.equal('a \\| b');
    expect(mdCell('*bold* _it_ `code` [link]')).to.equal('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\]');
    expect(mdCell('x\ny\r\nz')).to.equal('x<br>y<br>z');
    expect(mdCell('<script>')).to.equal('&lt;script>');
    expect(mdCell('back\\slash')).to.equal('back\\\\slash');
  });

  it('spells durations and local times across the fall-back hour', () => {
    expect([hm(0), hm(59_999), hm(90 * 60_000), hm(100 * 3_600_000)]).to.deep.equal(['0:00', '0:01', '1:30', '100:00']);
    expect([hms(5_730_000), hms(-5)]).to.deep.equal(['01:35:30', '00:00:00']);
    expect(decimalHours(3_180_000)).to.equal('0.88');
    // 01:30 happens twice on 2026-11-01 in New York: first EDT, then EST
    expect(isoLocal(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).to.equal('2026-11-01T01:30:00-04:00');
    expect(isoLocal(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).to.equal('2026-11-01T01:30:00-05:00');
    expect(isoLocal(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York')).to.equal('2026-03-08T03:30:00-04:00');
    expect(clock12(localTime(Date.parse('2026-11-02T05:05:00Z'), 'America/New_York'))).to.equal('12:05:00 AM');
    expect(clock12(localTime(Date.parse('2026-11-02T17:00:00Z'), 'America/New_York'))).to.equal('12:00:00 PM');
    expect(isoLocal(0, 'Asia/Kolkata')).to.equal('1970-01-01T05:30:00+05:30');
  });
});
