/** Serves the built renderer at app://hallwright/ with the app's Content-Security-Policy. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/index';
import { mimeType, resolveAppPath } from './staticFiles';

/** Must run before the app is ready: app:// behaves like https (standard, secure origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(root: string): void {
  protocol.handle('app', async (request) => {
    const path = resolveAppPath(root, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: { 'Content-Type': mimeType(path), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
