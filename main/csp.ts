/**
 * Content-Security-Policy for everything served on app://. No remote code, no eval: scripts, workers and styles come
 * only from the app bundle; 'wasm-unsafe-eval' lets wa-sqlite compile its WebAssembly and nothing else. connect-src
 * stays open to https/http only for the AI worker's OpenAI-compatible endpoint (a local server is often http).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'lighttrack';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for URLs of our own bundle (app://lighttrack/…); everything else is foreign. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
