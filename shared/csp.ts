/**
 * The renderer's Content-Security-Policy, used by the Electron main process (as a response
 * header of the app:// protocol) and by the web build (as a meta tag). Nothing remote: every
 * script, style, font, texture and worker comes from the app itself. `blob:` covers Web Workers
 * and generated downloads; `data:` covers inline images such as textures generated at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
