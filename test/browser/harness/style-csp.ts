/**
 * The app's CSP (main/csp.ts) forbids style attributes; enforce the same in a test page so a style="" written by a
 * component shows up as a violation. Returns the list the violations are collected into.
 */
export function enforceStyleCsp(): string[] {
  const csp = document.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "style-src 'self'";
  document.head.append(csp);
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
  return violations;
}
