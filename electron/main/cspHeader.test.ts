import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/index';
import { withContentSecurityPolicy } from './cspHeader';

describe('the CSP response header', () => {
  it('is exactly the app policy of shared/csp.ts, replacing any other, keeping the other headers', () => {
    let sent: Record<string, string[] | string> | null = null;
    withContentSecurityPolicy(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src 'none'"] } },
      ({ responseHeaders }) => (sent = responseHeaders),
    );
    expect(sent).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('is added to a response without headers', () => {
    let sent: Record<string, string[] | string> | null = null;
    withContentSecurityPolicy({}, ({ responseHeaders }) => (sent = responseHeaders));
    expect(sent).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
