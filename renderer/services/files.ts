/**
 * Files leaving the app: a download through an <a download> element, which works the same in Chromium and in
 * Electron's windows (no shell call needed, and nothing but a blob: URL of our own bytes is ever navigated to).
 */

/** Keeps a suggested file name to plain characters, so it is a valid name on every OS. */
export function safeFileName(name: string, fallback = 'lighttrack.sqlite3'): string {
  const cleaned = name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  return cleaned || fallback;
}

/** Offers bytes as a download named `fileName`; returns the name used. */
export function offerDownload(fileName: string, bytes: ArrayBuffer | Blob, type = 'application/octet-stream'): string {
  const name = safeFileName(fileName);
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; keep the URL a little while for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}

/** Puts text on the clipboard; falls back to a hidden text area where the async clipboard is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // not focused, or no permission: the old way below still works from a click
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'lt-offscreen';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The clipboard is not available here.');
}
