// Accessibility checks with axe-core in the real browser, on the app's own design tokens (app.css).
import { expect } from 'chai';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}
interface Axe {
  run(context: Element, options?: object): Promise<{ violations: AxeViolation[] }>;
}
declare global {
  interface Window {
    axe?: Axe;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** Puts the app's stylesheet (design tokens, light and dark) on the test page, as index.html does. */
export function useAppStyles(): void {
  if (document.querySelector('link[data-app-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../../../renderer/app.css', import.meta.url).href;
  link.dataset['appCss'] = '';
  document.head.append(link);
}

/** Fails when axe finds a serious or critical violation in `element` (shadow trees included). */
export async function expectAccessible(element: Element): Promise<void> {
  if (!window.axe) await loadScript('/node_modules/axe-core/axe.min.js');
  const { violations } = await window.axe!.run(element, { resultTypes: ['violations'] });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}`,
  );
  expect(summary, summary.join('\n')).to.deep.equal([]);
}
