import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';

import { startWebServer, verifyLightTrackServer, type WebServer } from './web-server.ts';

export interface LaunchOptions {
  /** the built renderer (dist/renderer) */
  rootDir: string;
  port: number;
  /** a Chromium executable, or null to only serve */
  chromium: string | null;
  /** the browser profile: fixed, so the OPFS data of the fixed origin persists */
  profileDir: string;
  /** extra Chromium arguments (tests pass none; start.mjs adds --no-sandbox as root) */
  browserArgs?: string[];
  spawn?: typeof nodeSpawn;
  /** AI endpoints the pages may connect to (see WebServerOptions) */
  aiOrigins?: readonly string[];
  /** the Jira site the pages may connect to (see WebServerOptions) */
  jiraOrigin?: string | null;
}

export interface LaunchedWebShell {
  web: WebServer;
  browser: ChildProcess | null;
  /** settles when the session is over: the browser exited or the server stopped */
  done: Promise<void>;
  /** stops both: server first (nothing new is served), then the browser */
  stop(): Promise<void>;
}

export class LaunchRefused extends Error {}

/**
 * Serves the app and opens it in Chromium's app mode, with the two tied together: the browser is closed whenever the
 * server stops (for any reason), because a page of our origin left open on a free port would load whatever the next
 * program on that port serves (on reload or when it restarts its data worker), with full access to the database.
 * Before opening the browser it checks that the port answers with this launch's key.
 */
export async function launchWebShell(options: LaunchOptions): Promise<LaunchedWebShell> {
  let web: WebServer;
  try {
    web = await startWebServer(options.rootDir, options.port, '127.0.0.1', {
      aiOrigins: options.aiOrigins ?? [],
      jiraOrigin: options.jiraOrigin ?? null,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LaunchRefused(
        `Port ${options.port} on 127.0.0.1 is already in use by another program. LightTrack will not open there: ` +
          `whatever answers on that port would run inside LightTrack's origin and could read its data. ` +
          `Stop that program (or, for a separate data set, set LIGHTTRACK_PORT to another port).`,
      );
    }
    throw error;
  }
  if (!(await verifyLightTrackServer(web.url, web.launchKey))) {
    await web.close();
    throw new LaunchRefused(
      `Something other than this LightTrack launch answers on ${web.url}; refusing to open the app there.`,
    );
  }
  if (!options.chromium) {
    return {
      web,
      browser: null,
      done: new Promise((r) => web.server.once('close', () => r())),
      stop: () => web.close(),
    };
  }

  mkdirSync(options.profileDir, { recursive: true });
  const browser = (options.spawn ?? nodeSpawn)(
    options.chromium,
    [
      `--app=${web.url}`,
      `--user-data-dir=${options.profileDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.browserArgs ?? []),
    ],
    { stdio: 'ignore' },
  );
  const killBrowser = () => {
    if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
  };
  // 'close' fires however the server stops: stop(), an error, or a test closing it directly.
  web.server.once('close', killBrowser);
  // and if this process dies first (an uncaught error, a signal without handler), the browser goes with it
  process.once('exit', killBrowser);
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      process.off('exit', killBrowser);
      void web.close().then(() => resolve());
    };
    browser.once('exit', finish);
    browser.once('error', finish); // it could not be started: no 'exit' follows
  });
  return {
    web,
    browser,
    done,
    stop: async () => {
      await web.close();
      killBrowser();
    },
  };
}
