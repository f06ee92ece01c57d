// A faithful fake of the Jira REST API subset LightTrack uses, for tests only: Jira Cloud (/rest/api/3, Basic
// e-mail:API-token) and Data Center (/rest/api/2, Bearer personal access token). It listens on 127.0.0.1 on a random
// port and sends the CORS headers a Data Center admin would configure for LightTrack's origin (Jira Cloud sends none;
// the Electron shell adds them in main/ai-cors.ts — see there).
//
// Each test makes a scenario: POST /__scenario {kind, email, token, projects, issues, rules, latencyMs} answers
// {id, siteUrl}; the scenario's Jira lives under `${siteUrl}` (a context path, as Data Center may have), and
// GET /s/<id>/__state answers {worklogs, requests} so a test can count what was booked.
//
// A rule changes the answer to matching requests: {method?, path? (a substring of the path after the site),
// times? (how many requests it applies to; default all), status?, body?, headers?, html? (an HTML page as the body),
// drop?: 'before' (the socket is cut before anything is done) | 'after' (the request is carried out, then the socket
// is cut: the client never learns it worked), delayMs?}.
import { createServer } from 'node:http';

import { fakePlugin, listenFake } from './fake-server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function cors(origin) {
  return {
    'Access-Control-Allow-Origin': origin,
    // Authorization is never covered by '*': it has to be named
    'Access-Control-Allow-Headers': 'authorization, content-type, x-atlassian-token, x-request-id',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Expose-Headers': 'retry-after, x-authentication-denied-reason, date',
    'Access-Control-Max-Age': '600',
  };
}

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (part) => (body += part));
    req.on('end', () => resolve(body));
  });
}

const DEFAULT_PROJECTS = [
  { id: '10000', key: 'ABC', name: 'Alphabet' },
  { id: '10001', key: 'OPS', name: 'Operations' },
];
const DEFAULT_ISSUES = [
  { key: 'ABC-123', summary: 'Review the booking flow' },
  { key: 'ABC-124', summary: 'Fix the login page' },
  { key: 'OPS-7', summary: 'Rotate the certificates' },
  // an issue the user may see but not log work on
  { key: 'RO-1', summary: 'Read-only issue', readOnly: true },
];

/** Jira's started: 2026-12-03T09:00:00.000+0000 (any offset in; stored as ms). */
function parseStarted(text) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?)([+-])(\d\d)(\d\d)$/.exec(String(text));
  return m ? Date.parse(`${m[1]}${m[2]}${m[3]}:${m[4]}`) : Number.NaN;
}
const formatStarted = (ms) => new Date(ms).toISOString().replace('Z', '+0000');

/** Starts the fake; `close()` ends it and every open connection. */
export async function startFakeJira() {
  const scenarios = new Map();
  let next = 1;
  let worklogIds = 10_000;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin ?? '*';
    const send = (status, value, headers = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, {
        ...cors(scenarioOf?.allowOrigin ?? origin),
        Date: new Date().toUTCString(),
        ...(value === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
        ...headers,
      });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    let scenarioOf = null;
    if (req.method === 'POST' && url.pathname === '/__scenario') {
      const spec = JSON.parse((await readBody(req)) || '{}');
      const id = `j${next++}`;
      scenarios.set(id, {
        kind: spec.kind ?? 'cloud',
        email: spec.email ?? 'ada@example.com',
        token: spec.token ?? 'secret-token',
        projects: spec.projects ?? DEFAULT_PROJECTS,
        issues: spec.issues ?? DEFAULT_ISSUES,
        rules: (spec.rules ?? []).map((r) => ({ ...r })),
        latencyMs: spec.latencyMs ?? 0,
        allowOrigin: spec.allowOrigin ?? null,
        worklogs: [],
        requests: [],
      });
      return send(200, { id, siteUrl: `http://127.0.0.1:${server.address().port}/s/${id}` });
    }
    const match = /^\/s\/(j\d+)(\/.*)?$/.exec(url.pathname);
    const s = match && scenarios.get(match[1]);
    scenarioOf = s;
    if (req.method === 'OPTIONS') return send(204, undefined);
    if (!s) return send(404, { errorMessages: ['No such scenario'] });
    const path = match[2] ?? '/';
    if (path === '/__state') return send(200, { worklogs: s.worklogs, requests: s.requests });
    if (path === '/__rules' && req.method === 'POST') {
      s.rules = JSON.parse((await readBody(req)) || '[]');
      return send(204, undefined);
    }
    const text = await readBody(req);
    s.requests.push({ method: req.method, path: path + url.search, at: Date.now() });
    const latency = Array.isArray(s.latencyMs)
      ? s.latencyMs[0] + Math.random() * (s.latencyMs[1] - s.latencyMs[0])
      : s.latencyMs;
    if (latency) await sleep(latency);

    const rule = s.rules.find(
      (r) => (!r.method || r.method === req.method) && (!r.path || path.includes(r.path)) && r.times !== 0,
    );
    if (rule && rule.times !== undefined) rule.times--;
    if (rule?.delayMs) await sleep(rule.delayMs);
    if (rule?.drop === 'before') return req.socket.destroy();
    if (rule && (rule.status || rule.html)) {
      if (rule.html) {
        res.writeHead(rule.status ?? 200, { ...cors(s.allowOrigin ?? origin), 'Content-Type': 'text/html' });
        return res.end(rule.html);
      }
      return send(
        rule.status,
        rule.body ?? { errorMessages: [`Fake status ${rule.status}`], errors: {} },
        rule.headers,
      );
    }
    // after the rule: a real answer, or (drop: 'after') the work done and the answer lost
    const reply = (status, value, headers) =>
      rule?.drop === 'after' ? req.socket.destroy() : send(status, value, headers);

    const auth = req.headers.authorization ?? '';
    const expected =
      s.kind === 'cloud' ? `Basic ${Buffer.from(`${s.email}:${s.token}`).toString('base64')}` : `Bearer ${s.token}`;
    if (auth !== expected) {
      return send(401, {
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      });
    }
    const v = s.kind === 'cloud' ? '3' : '2';
    const api = new RegExp(`^/rest/api/${v}(/.*)$`).exec(path)?.[1];
    if (!api) return send(404, { errorMessages: [`No such resource ${path}`] });
    let body = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(400, { errorMessages: ['Unexpected character in the JSON body'], errors: {} });
      }
    }
    if (req.method === 'GET' && api === '/myself') {
      return reply(200, {
        accountId: '5b10a2844c20165700ede21g',
        name: s.kind === 'cloud' ? undefined : 'ada',
        displayName: 'Ada Lovelace',
        emailAddress: s.email,
      });
    }
    if (req.method === 'GET' && api === '/project/search' && s.kind === 'cloud') {
      return reply(200, { startAt: 0, maxResults: 50, total: s.projects.length, isLast: true, values: s.projects });
    }
    if (req.method === 'GET' && api === '/project' && s.kind !== 'cloud') return reply(200, s.projects);
    const issuesFor = (jql, max) => ({
      issues: s.issues
        .filter((i) => !/key\s*=\s*"?([A-Z]+-\d+)/.test(jql) || jql.includes(i.key))
        .slice(0, max)
        .map((i) => ({ id: i.key.replace(/\D/g, ''), key: i.key, fields: { summary: i.summary } })),
    });
    if (req.method === 'POST' && api === '/search/jql' && s.kind === 'cloud') {
      if (typeof body?.jql !== 'string') return send(400, { errorMessages: ['The jql is missing.'], errors: {} });
      return reply(200, { ...issuesFor(body.jql, body.maxResults ?? 50), isLast: true });
    }
    if (req.method === 'GET' && api === '/search' && s.kind !== 'cloud') {
      const jql = url.searchParams.get('jql') ?? '';
      return reply(200, {
        startAt: 0,
        total: s.issues.length,
        ...issuesFor(jql, Number(url.searchParams.get('maxResults') ?? 50)),
      });
    }
    const wl = /^\/issue\/([A-Z][A-Z0-9_]+-\d+)\/worklog(?:\/(\d+))?$/.exec(api);
    if (wl) {
      const issue = s.issues.find((i) => i.key === wl[1]);
      if (!issue)
        return send(404, {
          errorMessages: ['Issue does not exist or you do not have permission to see it.'],
          errors: {},
        });
      const live = s.worklogs.filter((w) => w.issueKey === issue.key && !w.deleted);
      const view = (w, props) => ({
        id: w.id,
        issueId: issue.key.replace(/\D/g, ''),
        started: formatStarted(w.started),
        timeSpentSeconds: w.timeSpentSeconds,
        timeSpent: `${Math.round(w.timeSpentSeconds / 60)}m`,
        comment: w.comment,
        ...(props ? { properties: w.properties } : {}),
      });
      if (req.method === 'GET' && !wl[2]) {
        const startAt = Number(url.searchParams.get('startAt') ?? 0);
        const max = Math.min(Number(url.searchParams.get('maxResults') ?? 5000), 5000);
        const props = (url.searchParams.get('expand') ?? '').split(',').includes('properties');
        // Cloud's filters: started on or after / before, in ms
        const after = Number(url.searchParams.get('startedAfter') ?? -Infinity);
        const before = Number(url.searchParams.get('startedBefore') ?? Infinity);
        const shown = live.filter((w) => w.started >= after && w.started <= before);
        return reply(200, {
          startAt,
          maxResults: max,
          total: shown.length,
          worklogs: shown.slice(startAt, startAt + max).map((w) => view(w, props)),
        });
      }
      if (issue.readOnly && req.method !== 'GET')
        return send(403, {
          errorMessages: ['You do not have the permission to associate a worklog to this issue.'],
          errors: {},
        });
      const checkBody = () => {
        const errors = {};
        const started = parseStarted(body?.started);
        if (Number.isNaN(started))
          errors.started = 'Invalid date format. Please enter the date in the format "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ".';
        if (!Number.isInteger(body?.timeSpentSeconds) || body.timeSpentSeconds < 60)
          errors.timeLogged = 'Time Spent must be at least one minute.';
        return Object.keys(errors).length ? { errors } : { started };
      };
      if (req.method === 'POST' && !wl[2]) {
        const checked = checkBody();
        if (checked.errors) return send(400, { errorMessages: [], errors: checked.errors });
        const w = {
          id: String(worklogIds++),
          issueKey: issue.key,
          started: checked.started,
          timeSpentSeconds: body.timeSpentSeconds,
          comment: body.comment ?? null,
          properties: Array.isArray(body.properties) ? body.properties : [],
          updates: 0,
          deleted: false,
        };
        s.worklogs.push(w);
        return reply(201, view(w, true));
      }
      const w = live.find((x) => x.id === wl[2]);
      if (!w) return send(404, { errorMessages: ['Cannot find worklog with id: ' + wl[2]], errors: {} });
      if (req.method === 'PUT') {
        const checked = checkBody();
        if (checked.errors) return send(400, { errorMessages: [], errors: checked.errors });
        w.started = checked.started;
        w.timeSpentSeconds = body.timeSpentSeconds;
        if (body.comment !== undefined) w.comment = body.comment;
        w.updates++;
        return reply(200, view(w, true));
      }
      if (req.method === 'DELETE') {
        w.deleted = true;
        return reply(204, undefined);
      }
    }
    return send(404, { errorMessages: [`No such resource ${req.method} ${api}`], errors: {} });
  });
  const base = await listenFake(server);
  return {
    ...base,
    async state(id) {
      return (await fetch(`${base.origin}/s/${id}/__state`)).json();
    },
  };
}

/** A web-test-runner plugin: the fake runs beside the dev server; tests import its origin from /__fake-jira.js. */
export function fakeJiraPlugin() {
  return fakePlugin('fake-jira', startFakeJira, '/__fake-jira.js', 'fakeJiraOrigin');
}
