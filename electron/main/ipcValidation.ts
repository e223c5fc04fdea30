/**
 * Checks on everything that crosses IPC, in plain Node so tests cover them. The renderer is
 * treated as untrusted: it names files only by handles the user approved through a dialog.
 */
import { z } from 'zod';
import {
  EXPORT_FORMATS,
  MAX_EXPORT_BYTES,
  MAX_PROJECT_BYTES,
  MAX_USER_CATALOG_BYTES,
  RECOVERY_ID_PATTERN,
  type ExportRequest,
  type RecoveryMeta,
  type SaveRequest,
} from '../../shared/index';

export const APP_ORIGIN = 'app://hallwright';

/** A file name the renderer suggests: no folders, no characters a file system refuses, not "." or "..". */
const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\\/:*?"<>|\0]+$/, 'a file name, without folders')
  .refine((name) => !/^\.+$/.test(name), 'a file name, not a folder reference');

const saveRequestSchema = z.object({
  handle: z.string().min(1).max(4096).nullable(),
  suggestedName: fileNameSchema,
  text: z.string().max(MAX_PROJECT_BYTES),
});

export function parseSaveRequest(value: unknown): { ok: true; request: SaveRequest } | { ok: false; error: string } {
  const parsed = saveRequestSchema.safeParse(value);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, error: 'Invalid save request.' };
}

/**
 * IPC's structured clone delivers a Uint8Array as a Uint8Array; anything else (a plain array of
 * numbers, a string, another typed array) is refused rather than converted.
 */
const exportRequestSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  suggestedName: fileNameSchema,
  bytes: z.instanceof(Uint8Array),
});

export function parseExportRequest(
  value: unknown,
): { ok: true; request: ExportRequest } | { ok: false; error: string } {
  const parsed = exportRequestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: 'Invalid export request.' };
  if (parsed.data.bytes.byteLength > MAX_EXPORT_BYTES)
    return { ok: false, error: `The export is larger than ${MAX_EXPORT_BYTES / 1048576} MB and was not saved.` };
  return { ok: true, request: parsed.data };
}

/** The user catalog's text; its byte size is checked again where it is written. */
export function parseUserCatalogText(value: unknown): { ok: true; text: string } | { ok: false; error: string } {
  // Every UTF-16 unit takes at least one byte in UTF-8: a string with more units than the limit is over it.
  return typeof value === 'string' && value.length <= MAX_USER_CATALOG_BYTES
    ? { ok: true, text: value }
    : { ok: false, error: 'Invalid user catalog: expected its JSON text, up to 8 MB.' };
}

const recoveryIdSchema = z.string().regex(RECOVERY_ID_PATTERN);

const recoveryWriteSchema = z.tuple([
  recoveryIdSchema,
  z.string().max(MAX_PROJECT_BYTES),
  z.strictObject({ fileName: z.string().min(1).max(255), savedAt: z.iso.datetime() }),
]);

/** An autosave: the snapshot's id, the project text and what it says about itself; its byte size is checked where it is written. */
export function parseRecoveryWrite(
  args: unknown[],
): { ok: true; id: string; text: string; meta: RecoveryMeta } | { ok: false; error: string } {
  const parsed = recoveryWriteSchema.safeParse(args);
  if (!parsed.success) return { ok: false, error: 'Invalid recovery snapshot.' };
  const [id, text, meta] = parsed.data;
  return { ok: true, id, text, meta };
}

/** A snapshot's id: it names a file in the recovery folder, so nothing but letters, digits and dashes. */
export function parseRecoveryId(value: unknown): { ok: true; id: string } | { ok: false; error: string } {
  const parsed = recoveryIdSchema.safeParse(value);
  return parsed.success ? { ok: true, id: parsed.data } : { ok: false, error: 'Invalid recovery id.' };
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
