import type { Columns } from './csv.ts';
import { projectPath, splitTags, yes } from './session.ts';
import { cellAt, wallInterval, type WallFormat } from './wall-rows.ts';

/**
 * Toggl Track's detailed CSV: `User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,
 * End time,Duration,Tags,Amount (USD)` (newer exports say Member and Stop date/time). Toggl's Description is what
 * LightTrack calls the session's name; a Task is a division of its project, so it becomes a sub-project
 * (projectPath [Project, Task]), and "A / B" in Project is a path (see projectPath). Amount columns are ignored:
 * rates live on LightTrack's projects.
 */
export function isToggl(c: Columns): boolean {
  return (
    c.has('start date') &&
    c.has('start time') &&
    c.has('end date', 'stop date') &&
    c.has('end time', 'stop time') &&
    c.has('duration') &&
    c.has('description') &&
    !c.has('duration (h)', 'duration (decimal)')
  );
}

export function togglFormat(c: Columns): WallFormat {
  const col = {
    client: c.find('client'),
    project: c.find('project'),
    task: c.find('task'),
    description: c.find('description'),
    billable: c.find('billable'),
    startDate: c.find('start date'),
    startTime: c.find('start time'),
    endDate: c.find('end date', 'stop date'),
    endTime: c.find('end time', 'stop time'),
    duration: c.find('duration'),
    tags: c.find('tags'),
  };
  const at = cellAt;
  return {
    id: 'toggl',
    dates: (cells) => [at(cells, col.startDate), at(cells, col.endDate)],
    row(cells, ctx) {
      const interval = wallInterval(
        {
          startDate: at(cells, col.startDate),
          startTime: at(cells, col.startTime),
          endDate: at(cells, col.endDate),
          endTime: at(cells, col.endTime),
          duration: at(cells, col.duration),
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
