/**
 * Checks on everything that crosses IPC, in plain Node so tests cover them. The renderer is
 * treated as untrusted: it names files only by handles the user approved through a dialog.
 */
import { z } from 'zod';
import { MAX_PROJECT_BYTES, type SaveRequest } from '../../shared/index';

export const APP_ORIGIN = 'app://hallwright';

const saveRequestSchema = z.object({
  handle: z.string().min(1).max(4096).nullable(),
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\\/:*?"<>|\0]+$/, 'a file name, without folders'),
  text: z.string().max(MAX_PROJECT_BYTES),
});

export function parseSaveRequest(value: unknown): { ok: true; request: SaveRequest } | { ok: false; error: string } {
  const parsed = saveRequestSchema.safeParse(value);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, error: 'Invalid save request.' };
}

/** Only our own bundled pages may call the host. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'hallwright';
  } catch {
    return false;
  }
}

/** Files the user chose through an open or save dialog; the only ones the renderer may save to. */
export class PathRegistry {
  private readonly approved = new Set<string>();
  approve(path: string): void {
    this.approved.add(path);
  }
  has(path: string): boolean {
    return this.approved.has(path);
  }
}
