import type { DataApi, JiraApi } from '../../../shared/data-contract.ts';
import {
  JiraChoiceInputSchema,
  JiraClaimInputSchema,
  JiraIssueQuerySchema,
  JiraIssuesInputSchema,
  JiraListInputSchema,
  JiraRecordInputSchema,
} from '../../../shared/jira-bookings.ts';
import { TimeRangeSchema } from '../../../shared/session.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings } from '../settings/settings.ts';
import * as bookings from './bookings.ts';
import * as outbox from './outbox.ts';

const Ids = (ids: string[]) => ({ ids });

/** Jira bookings: the sender's claim and record, the panel's list and choices, the issue cache. */
export class JiraHandlers implements JiraApi {
  constructor(private readonly core: Core) {}

  jiraClaim(input: Parameters<DataApi['jiraClaim']>[0]) {
    const p = parse(JiraClaimInputSchema, input, 'Jira claim');
    return this.core.write('jira_worklogs', 'update', async (db, now) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      const result = await outbox.claim(db, { ...p, limit: p.limit ?? 10 }, now, settings.jira);
      // every row whose state changed, so the panel hears of rows settled without sending too
      return { result, ...Ids([...result.jobs.map((j) => j.sessionId), ...result.settled]) };
    });
  }

  jiraRecord(input: Parameters<DataApi['jiraRecord']>[0]) {
    const p = parse(JiraRecordInputSchema, input, 'Jira result');
    return this.core.write('jira_worklogs', 'update', async (db, now) => {
      await outbox.record(db, p, now);
      return { result: undefined, ...Ids([p.sessionId]) };
    });
  }

  jiraBookings(input?: Parameters<DataApi['jiraBookings']>[0]) {
    const p = parse(JiraListInputSchema, input, 'Jira list');
    return this.core.read((db) => bookings.list(db, { states: p.states ?? [], limit: p.limit ?? 100 }));
  }

  jiraChoose(input: Parameters<DataApi['jiraChoose']>[0]) {
    const p = parse(JiraChoiceInputSchema, input, 'Jira choice');
    return this.core.write('jira_worklogs', 'update', async (db, now) => {
      const result = await bookings.choose(db, p, now);
      return { result, ...Ids(p.sessionIds.slice(0, 500)) };
    });
  }

  jiraEnqueueRange(input: Parameters<DataApi['jiraEnqueueRange']>[0]) {
    const p = parse(TimeRangeSchema, input, 'range');
    return this.core.write('jira_worklogs', 'update', async (db) => ({
      result: await outbox.enqueueRange(db, p.from, p.to),
      ids: [],
    }));
  }

  jiraCacheIssues(issues: Parameters<DataApi['jiraCacheIssues']>[0]) {
    const p = parse(JiraIssuesInputSchema, issues, 'Jira issues');
    return this.core.write('jira_worklogs', 'update', async (db, now) => ({
      result: await bookings.cacheIssues(db, p, now),
      ids: [],
    }));
  }

  jiraSearchIssues(input: Parameters<DataApi['jiraSearchIssues']>[0]) {
    const p = parse(JiraIssueQuerySchema, input, 'issue search');
    return this.core.read((db) => bookings.searchIssues(db, p.query.trim(), p.limit ?? 20));
  }
}
