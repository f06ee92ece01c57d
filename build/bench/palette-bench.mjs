/**
 * Quick entry as a user meets it, in the built app (web shell): Ctrl+K to a focused, painted palette input in a
 * warm main window, and the quick-entry page from navigation to a focused input, cold. Runs in Node with Playwright.
 */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The focused element, looking through shadow roots. */
const deepActive = `(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; })()`;

export async function paletteBench(browser, baseUrl, runs = 10) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}renderer/index.html`);
  // the shell mounts the palette (in its shadow root) after first paint
  await page.waitForFunction(
    () =>
      customElements.get('lt-command-palette') &&
      document.querySelector('lt-app')?.shadowRoot?.querySelector('lt-command-palette'),
  );
  await page.waitForTimeout(1500); // pre-warmed: the app and its worker are up, as after launch
  const opens = [];
  for (let i = 0; i < runs; i++) {
    const ms = await page.evaluate(
      (deepActiveSrc) =>
        new Promise((resolve) => {
          const active = () => (0, eval)(deepActiveSrc);
          const t0 = performance.now();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, bubbles: true }));
          const check = () => {
            const el = active();
            // painted: the frame after focus landed in the palette's input has been produced
            if (el && el.tagName === 'INPUT')
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
            else requestAnimationFrame(check);
          };
          check();
        }),
      deepActive,
    );
    opens.push(ms);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  await context.close();

  const cold = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.addInitScript(() => {
      document.addEventListener(
        'focusin',
        () => {
          if (window.__focusedAt === undefined)
            requestAnimationFrame(() => setTimeout(() => (window.__focusedAt = performance.now()), 0));
        },
        true,
      );
    });
    await p.goto(`${baseUrl}renderer/quick-entry.html`);
    cold.push(await p.waitForFunction(() => window.__focusedAt).then((h) => h.jsonValue()));
    await ctx.close();
  }
  return {
    paletteOpenP50: median(opens),
    paletteOpenMax: Math.max(...opens),
    coldFocusP50: median(cold),
    coldRuns: cold,
  };
}
