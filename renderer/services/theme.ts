import type { DataClient } from './data-client.ts';

type Theme = 'system' | 'light' | 'dark';
const THEMES: readonly unknown[] = ['system', 'light', 'dark'];

/** 'system' follows prefers-color-scheme; 'light'/'dark' force it (app.css keys its tokens on data-theme). */
export function applyTheme(root: HTMLElement | null, theme: Theme): void {
  if (!root) return;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

/**
 * The theme alone, for the quick-entry page: its script budget leaves no room for the whole settings service, and the
 * theme is the one setting it shows. Follows changes from any window.
 */
export function followTheme(client: DataClient, root: HTMLElement = document.documentElement): () => void {
  const read = () =>
    client.data.getSettings().then(
      (s) => {
        if (THEMES.includes(s.theme)) applyTheme(root, s.theme);
      },
      () => undefined,
    );
  const stop = client.watch(['settings'], read);
  void read();
  return stop;
}
