import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

import { chromiumLaunchOptions } from './test/chromium.mjs';
import { fakeJiraPlugin } from './test/fakes/fake-jira.mjs';
import { fakeOpenAIPlugin } from './test/fakes/fake-openai.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // Tests share one OPFS origin; each file uses its own database names, but running files one at a time keeps
  // worker start-up and OPFS lock hand-offs predictable on a 2-core machine.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  // nanostores reads process.env.NODE_ENV (rollup replaces it in the app build); give the unbundled tests a value.
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  // the AI and Jira tests reach fake servers on 127.0.0.1 (other origins, as the real ones are)
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    fakeOpenAIPlugin(),
    fakeJiraPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
      // A time zone with daylight saving, so local-day logic is tested across 23- and 25-hour days (workers too).
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'America/New_York' }),
    }),
  ],
};
