/**
 * Checks on everything that crosses IPC, in plain Node so tests cover them. The renderer is
 * treated as untrusted: it names files only by handles the user approved through a dialog.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import {
  EXPORT_FORMATS,
  MAX_EXPORT_BYTES,
  MAX_PROJECT_BYTES,
  MAX_USER_CATALOG_BYTES,
  PROJECT_EXTENSION,
  RECOVERY_ID_PATTERN,
  type DocumentState,
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

const documentStateSchema = z.strictObject({ dirty: z.boolean(), fileName: z.string().min(1).max(255) });

/** The renderer's report of its document: whether it has unsaved changes, and its name for the close prompt. */
export function parseDocumentState(value: unknown): { ok: true; state: DocumentState } | { ok: false; error: string } {
  const parsed = documentStateSchema.safeParse(value);
  return parsed.success ? { ok: true, state: parsed.data } : { ok: false, error: 'Invalid document state.' };
}

/**
 * The path of a file dropped on the window, as the preload read it from the File (webUtils). Only
 * an absolute path of a `.hallwright` file is read, so a renderer can reach no other kind of file
 * this way; what is read is then checked as any opened project is (projectFiles.ts).
 */
export function parseDroppedPath(value: unknown): { ok: true; path: string } | { ok: false; error: string } {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > 4096 ||
    value.includes('\0') ||
    !isAbsolute(value) ||
    !value.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`)
  )
    return { ok: false, error: `Only a Hallwright project file (.${PROJECT_EXTENSION}) can be opened by dropping it.` };
  return { ok: true, path: value };
}

const saveReplySchema = z.tuple([z.number().int().positive(), z.boolean()]);

/** The renderer's answer to "save before closing": the request's id and whether the save succeeded. */
export function parseSaveReply(
  args: unknown[],
): { ok: true; id: number; saved: boolean } | { ok: false; error: string } {
  const parsed = saveReplySchema.safeParse(args);
  return parsed.success
    ? { ok: true, id: parsed.data[0], saved: parsed.data[1] }
    : { ok: false, error: 'Invalid save reply.' };
}

/** A window may only navigate within the bundled app; a dropped file's file:// URL, a link to the web, anything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
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
