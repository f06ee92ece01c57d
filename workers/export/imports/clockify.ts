import type { Columns } from './csv.ts';
import { projectPath, splitTags, yes } from './session.ts';
import { cellAt, wallInterval, type WallFormat } from './wall-rows.ts';

/**
 * Clockify's detailed CSV: `Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,
 * End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)`, dates in the
 * workspace's format and 12- or 24-hour times. As with Toggl, Description is the name and a Task a sub-project.
 */
export function isClockify(c: Columns): boolean {
  return (
    c.has('start date') &&
    c.has('start time') &&
    c.has('end date') &&
    c.has('end time') &&
    c.has('duration (h)', 'duration (decimal)')
  );
}

export function clockifyFormat(c: Columns): WallFormat {
  const col = {
    client: c.find('client'),
    project: c.find('project'),
    task: c.find('task'),
    description: c.find('description'),
    billable: c.find('billable'),
    startDate: c.find('start date'),
    startTime: c.find('start time'),
    endDate: c.find('end date'),
    endTime: c.find('end time'),
    hours: c.find('duration (h)'),
    decimal: c.find('duration (decimal)'),
    tags: c.find('tags'),
  };
  const at = cellAt;
  return {
    id: 'clockify',
    dates: (cells) => [at(cells, col.startDate), at(cells, col.endDate)],
    row(cells, ctx) {
      const interval = wallInterval(
        {
          startDate: at(cells, col.startDate),
          startTime: at(cells, col.startTime),
          endDate: at(cells, col.endDate),
          endTime: at(cells, col.endTime),
          duration: col.hours >= 0 ? at(cells, col.hours) : col.decimal >= 0 ? at(cells, col.decimal) : null,
        },
        ctx,
      );
      if (!interval) return null;
      const task = at(cells, col.task).trim();
      return {
        name: at(cells, col.description),
        projectPath: projectPath(at(cells, col.project), task),
        client: at(cells, col.client),
        tags: splitTags(at(cells, col.tags)),
        billable: yes(at(cells, col.billable)),
        start: interval.start,
        end: interval.end,
        pausedMs: interval.pausedMs,
        description: '',
      };
    },
  };
}
