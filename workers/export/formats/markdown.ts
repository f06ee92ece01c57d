import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import type { Report } from '../../../shared/reports.ts';
import { amountIn, reportCurrencies } from './summary-rows.ts';
import { clockText, hm, localTime, money, moneyText, projectLabel, utf8 } from './values.ts';

/** Text safe inside a GitHub-flavoured Markdown table cell: pipes and backslashes escaped, lines joined by <br>. */
export function mdCell(text: string): string {
  return text
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |\n`;

/** A Markdown timesheet: heading and period first, the sessions as they stream, the totals per project last. */
export function createMarkdownWriter(context: ExportContext): ExportWriter {
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    let out = `# Timesheet: ${mdCell(context.title)}\n\n`;
    out += `**Period:** ${context.from} to ${context.to}  \n`;
    if (context.person) out += `**Person:** ${mdCell(context.person)}  \n`;
    if (context.client) out += `**Client:** ${mdCell(context.client)}  \n`;
    out += `**Time zone:** ${context.timeZone}\n\n## Sessions\n\n`;
    out += row(['Date', 'Start', 'End', 'Project', 'Name', 'Tags', 'Worked', 'Rounded', 'Amount']);
    out += '|---|---|---|---|---|---|--:|--:|--:|\n';
    return out;
  };
  const sessionRow = (s: ExportSession) => {
    const start = localTime(s.start, context.timeZone);
    const end = localTime(s.end, context.timeZone);
    const endText = clockText(end, context.hour12) + (end.date === start.date ? '' : ` (${end.date})`);
    return row([
      start.date,
      clockText(start, context.hour12),
      s.running ? `${endText} (running)` : endText,
      mdCell(projectLabel(s.projectPath)),
      mdCell(s.name),
      mdCell(s.tags.join(', ')),
      hm(s.workedMs),
      hm(s.roundedMs),
      moneyText(s.amountRounded, s.currency),
    ]);
  };
  return {
    page: (sessions) => utf8.encode(head() + sessions.map(sessionRow).join('')),
    finish(report: Report) {
      const currencies = reportCurrencies(report);
      let out = head() + '\n## Totals by project\n\n';
      out += row(['Project', 'Worked', 'Rounded', 'Billable', ...currencies]);
      out += `|---|--:|--:|--:|${currencies.map(() => '--:|').join('')}\n`;
      const amounts = (f: Report['totals']) =>
        currencies.map((c) => {
          const a = amountIn(f, c);
          return a === null ? '' : money(a);
        });
      for (const g of report.groups) {
        out += row([
          mdCell(g.label || '(no project)'),
          hm(g.ms),
          hm(g.roundedMs),
          hm(g.billableRoundedMs),
          ...amounts(g),
        ]);
      }
      const t = report.totals;
      out += row([
        '**Total**',
        `**${hm(t.ms)}**`,
        `**${hm(t.roundedMs)}**`,
        `**${hm(t.billableRoundedMs)}**`,
        ...amounts(t).map((a) => (a ? `**${a}**` : '')),
      ]);
      if (report.rounding.mode !== 'none')
        out += `\nRounded ${report.rounding.mode} to ${report.rounding.minutes} minutes per session.\n`;
      return utf8.encode(out);
    },
  };
}
