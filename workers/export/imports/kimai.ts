import type { Columns } from './csv.ts';
import { splitTags, yes } from './session.ts';
import { cellAt, wallInterval, type WallFormat } from './wall-rows.ts';

/**
 * Kimai 2's CSV export: `Date,From,To,Duration,Rate,User,Customer,Project,Activity,Description,Exported,Billable,
 * Tags,…` in the exporting user's language (English and German headers are known) and date format, with a `,` or
 * `;` delimiter. Mapping: Customer → client, Project → project, Activity → the session's name (Kimai's "what I did",
 * a short repeated label like LightTrack's names), Description → description (Kimai's free text, often long);
 * when Activity is empty the description's first line is the name. One date per row: a To before From means the
 * next day. Exported is Kimai's bookkeeping and is not kept;
 * with no Billable column nothing is billable (nothing is invented).
 */
const DATE = ['date', 'datum', 'fecha', 'data'];
const FROM = ['from', 'begin', 'start', 'von', 'beginn', 'de', 'début'];
const TO = ['to', 'end', 'bis', 'ende', 'à', 'fin'];
const ACTIVITY = ['activity', 'tätigkeit', 'aktivität', 'activité', 'actividad'];
const CUSTOMER = ['customer', 'kunde', 'client', 'cliente'];

export function isKimai(c: Columns): boolean {
  return c.has(...DATE) && c.has(...FROM) && c.has(...TO) && (c.has(...ACTIVITY) || c.has(...CUSTOMER));
}

/** "2024-01-02 09:00" in a From cell (some exports) → date and time parts */
function split(cell: string): { date: string | null; time: string } {
  const m = /^(\S+)[ T](\d{1,2}:\d{2}.*)$/.exec(cell.trim());
  return m ? { date: m[1]!, time: m[2]! } : { date: null, time: cell };
}

/** Some Kimai versions write the duration as whole seconds ("5400"); decimal hours and h:mm are kept as they are. */
function seconds(cell: string): string {
  const s = cell.trim();
  if (!/^\d+$/.test(s) || Number(s) < 25) return s;
  const n = Number(s);
  return `${Math.floor(n / 3600)}:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
}

/** a Date cell written with a midnight time ("2024-01-02 00:00:00") → its date */
const day = (cell: string) => split(cell).date ?? cell;

export function kimaiFormat(c: Columns): WallFormat {
  const col = {
    date: c.find(...DATE),
    from: c.find(...FROM),
    to: c.find(...TO),
    duration: c.find('duration', 'dauer', 'durée', 'duración'),
    customer: c.find(...CUSTOMER),
    project: c.find('project', 'projekt', 'projet', 'proyecto'),
    activity: c.find(...ACTIVITY),
    description: c.find('description', 'beschreibung', 'descripción'),
    billable: c.find('billable', 'abrechenbar', 'facturable'),
    tags: c.find('tags', 'schlagworte', 'étiquettes', 'etiquetas'),
  };
  const at = cellAt;
  return {
    id: 'kimai',
    dates: (cells) => [
      day(at(cells, col.date)),
      split(at(cells, col.from)).date ?? '',
      split(at(cells, col.to)).date ?? '',
    ],
    row(cells, ctx) {
      const from = split(at(cells, col.from));
      const to = split(at(cells, col.to));
      const interval = wallInterval(
        {
          startDate: from.date ?? day(at(cells, col.date)),
          startTime: from.time,
          endDate: to.date,
          endTime: to.time,
          duration: col.duration >= 0 ? seconds(at(cells, col.duration)) : null,
        },
        ctx,
      );
      if (!interval) return null;
      const description = at(cells, col.description);
      const activity = at(cells, col.activity).trim();
      const project = at(cells, col.project).trim();
      return {
        name: activity || (description.split(/\r?\n|\r/)[0] ?? ''),
        projectPath: project ? [project] : null,
        client: at(cells, col.customer),
        tags: splitTags(at(cells, col.tags)),
        billable: yes(at(cells, col.billable)),
        start: interval.start,
        end: interval.end,
        pausedMs: interval.pausedMs,
        description,
      };
    },
  };
}
