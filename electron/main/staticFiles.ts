/** Maps app://hallwright/<path> to a file under the built renderer, refusing anything outside it. */
import { extname, normalize, resolve, sep } from 'node:path';

export function resolveAppPath(root: string, url: string): string | null {
  let pathname: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'app:' || u.host !== 'hallwright') return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const rootResolved = resolve(root);
  const target = resolve(rootResolved, normalize(`.${pathname === '/' ? '/index.html' : pathname}`));
  return target === rootResolved || target.startsWith(rootResolved + sep) ? target : null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.hallwright': 'application/json',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
