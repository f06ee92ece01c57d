import { sendKeys } from '@web/test-runner-commands';

import 'axe-core';

import { expect } from 'chai';

import { deep, mountApp, textOf, type Mounted } from '../../harness/app-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

/** `?` on every view lists that view's own keys, and a key from each does what the list says. */
const VIEWS: Array<{ route: string; tag: string; group: string; label: string }> = [
  { route: 'day', tag: 'lt-day-view', group: 'Days', label: 'Previous day' },
  { route: 'week', tag: 'lt-week-view', group: 'Week', label: 'Previous or next week' },
  { route: 'projects', tag: 'lt-projects-view', group: 'Projects', label: 'New project' },
  { route: 'reports', tag: 'lt-reports-view', group: 'Reports', label: 'Choose the grouping' },
  { route: 'settings', tag: 'lt-settings-view', group: 'Settings', label: 'Search settings' },
  { route: 'diagnostics', tag: 'lt-diagnostics-view', group: 'Data & diagnostics', label: 'Back up now' },
];

describe('the shortcut help on every view', () => {
  let m: Mounted;
  afterEach(() => m.stop());

  for (const view of VIEWS) {
    it(`lists the ${view.route} view's own keys`, async () => {
      m = mountApp(uniqueDbName(`help-${view.route}`), view.route);
      // views other than Day load on first visit: wait until this one is defined and drawn
      await until(() => customElements.get(view.tag) && deep(m.app, view.tag)?.shadowRoot?.childElementCount, view.tag);
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Shift+Slash' });
      const help = await until(() => deep(m.app, 'lt-shortcut-help', 'dialog[open]'), 'help dialog');
      const headings = [...help.querySelectorAll('h3')].map((h) => h.textContent);
      expect(headings).to.include(view.group).and.include('Everywhere');
      expect(textOf(help)).to.contain(view.label);
      await sendKeys({ press: 'Escape' });
      await until(() => !deep(m.app, 'lt-shortcut-help', 'dialog[open]'), 'help closed');
    });
  }

  it('the view keys act: G and / in Reports, N in Projects, / in Settings, ] in Week', async () => {
    m = mountApp(uniqueDbName('help-act'), 'reports');
    const controls = await until(() => deep(m.app, 'lt-reports-view', 'lt-report-controls'), 'report controls');
    await until(() => controls.shadowRoot?.querySelector('#group'), 'grouping');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'g' });
    await until(() => controls.shadowRoot!.activeElement?.id === 'group', 'grouping focused');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    await until(() => controls.shadowRoot!.activeElement?.id === 'text', 'text filter focused');

    location.hash = '#projects';
    await until(() => deep(m.app, 'lt-projects-view')?.shadowRoot?.childElementCount, 'projects view');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'n' });
    await until(() => deep(m.app, 'lt-projects-view', 'lt-project-editor', 'dialog[open]'), 'new project dialog');
    await sendKeys({ press: 'Escape' });

    location.hash = '#settings';
    await until(() => deep(m.app, 'lt-settings-view', 'input[type="search"]'), 'settings search');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    await until(
      () => deep(m.app, 'lt-settings-view')!.shadowRoot!.activeElement?.getAttribute('type') === 'search',
      'search focused',
    );

    location.hash = '#week';
    const title = await until(() => deep(m.app, 'lt-week-view', '#week-title'), 'week title');
    const before = title.textContent;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: ']' });
    await until(() => deep(m.app, 'lt-week-view', '#week-title')!.textContent !== before, 'next week shown');
  });
});
