import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl, parseSaveRequest, PathRegistry } from './ipcValidation';

describe('IPC argument and sender validation', () => {
  it('accepts a well-formed save request', () => {
    expect(parseSaveRequest({ handle: null, suggestedName: 'site.hallwright', text: '{}' }).ok).toBe(true);
  });

  it.each([
    ['a non-object', 'hello'],
    ['a name with folders', { handle: null, suggestedName: '../../etc/passwd', text: '' }],
    ['a number for text', { handle: null, suggestedName: 'a', text: 42 }],
    ['an empty handle', { handle: '', suggestedName: 'a', text: '' }],
  ])('refuses %s', (_what, value) => {
    expect(parseSaveRequest(value).ok).toBe(false);
  });

  it('trusts only app://hallwright pages', () => {
    expect(isTrustedSenderUrl('app://hallwright/index.html')).toBe(true);
    expect(isTrustedSenderUrl('https://example.com/')).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });

  it('knows only the paths the user approved', () => {
    const registry = new PathRegistry();
    registry.approve('/home/me/site.hallwright');
    expect(registry.has('/home/me/site.hallwright')).toBe(true);
    expect(registry.has('/etc/passwd')).toBe(false);
  });
});
