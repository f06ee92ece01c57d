import { AppError } from '../shared/errors.ts';

/**
 * The security policy of everything LightTrack serves, on app:// (Electron) and on the web shell's loopback server.
 * No remote code, no eval: scripts, workers and styles come only from the app bundle; 'wasm-unsafe-eval' lets
 * wa-sqlite compile its WebAssembly and nothing else. connect-src is 'self' only, so a script that got in cannot send
 * data anywhere; the AI assistant's endpoint is added by origin, after validation, when one is configured.
 */
export interface PolicyOptions {
  /** the configured OpenAI-compatible endpoint (e.g. https://api.example.com/v1); only its origin is allowed */
  aiEndpoint?: string | null;
  /** every configured endpoint (the assistant's list in Settings); each is validated, only origins are added */
  aiEndpoints?: readonly string[];
  /** the configured Jira site (Cloud or Data Center); only its origin is allowed */
  jiraSite?: string | null;
}

/** More endpoints than this is not a configuration but an attempt to make the policy huge. */
export const MAX_AI_ENDPOINTS = 20;

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const connect = ["'self'"];
  const endpoints = [...(options.aiEndpoint ? [options.aiEndpoint] : []), ...(options.aiEndpoints ?? [])];
  if (endpoints.length > MAX_AI_ENDPOINTS)
    throw new AppError('VALIDATION', `At most ${MAX_AI_ENDPOINTS} AI endpoints can be allowed`);
  for (const origin of new Set([
    ...endpoints.map(aiEndpointOrigin),
    ...(options.jiraSite ? [jiraSiteOrigin(options.jiraSite)] : []),
  ]))
    connect.push(origin);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The origin of an AI endpoint, fit to stand in connect-src: https anywhere, plain http only on this machine (local
 * model servers are usually http://localhost:PORT), no credentials in the URL. Anything else is a VALIDATION error,
 * so a bad setting can never widen the policy (a wildcard, another scheme, or text that would add a directive).
 */
export function aiEndpointOrigin(endpoint: string): string {
  return networkOrigin(endpoint, 'AI endpoint');
}

/** The origin of the Jira site, by the same rules (https, or http on this machine for a local server or a test). */
export function jiraSiteOrigin(site: string): string {
  return networkOrigin(site, 'Jira site');
}

function networkOrigin(endpoint: string, what: string): string {
  const refuse = (why: string): never => {
    throw new AppError('VALIDATION', `Invalid ${what}: ${why}`, { endpoint });
  };
  if (typeof endpoint !== 'string' || endpoint.length > 2048) refuse('must be a URL of at most 2048 characters');
  if (/[\s;,'"*]/.test(endpoint)) refuse('must not contain spaces, quotes, wildcards, commas or semicolons');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse('must be an absolute URL');
  }
  if (url.username || url.password) refuse('must not carry a user name or password');
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOST.test(url.hostname)) refuse('plain http is allowed only for a server on this machine');
  } else if (url.protocol !== 'https:') {
    refuse('must be https (or http on localhost)');
  }
  if (!url.hostname) refuse('must name a host');
  return url.origin;
}

/**
 * Powerful features the app does not use, denied to every origin (camera, microphone, location, devices, payment…).
 * Only features Chromium knows are listed: an unknown one makes it log an error on every page load.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'clipboard-read',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Headers sent with every response, errors included, by both shells. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

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
