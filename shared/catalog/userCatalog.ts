/**
 * The user catalog: devices and quotes a user keeps across projects (stored by the host as JSON
 * text: userData/user-catalog.json in the app, localStorage in web mode). Its entries are
 * validated with the very schemas a project file uses, and a project copies what it uses, so a
 * project never depends on someone's user catalog to open.
 */
import { z } from 'zod';
import { formatPath } from '../model/parse';
import { customDeviceSchema, quoteSchema } from '../model/schema';

export const USER_CATALOG_VERSION = 1;

/** A quote kept across projects carries its currency: a project takes only quotes in its own. */
export const userQuoteSchema = quoteSchema.extend({ currency: z.string().min(1).max(8) });
export type UserQuote = z.infer<typeof userQuoteSchema>;

export const userCatalogSchema = z
  .object({
    formatVersion: z.literal(USER_CATALOG_VERSION),
    devices: z.array(customDeviceSchema).max(10_000),
    quotes: z.array(userQuoteSchema).max(100_000),
  })
  .superRefine((c, ctx) => {
    const unique = (key: 'devices' | 'quotes', values: string[], what: string) => {
      const seen = new Set<string>();
      values.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [key, i], message: `${what} "${v}" appears twice` });
        seen.add(v);
      });
    };
    unique(
      'devices',
      c.devices.map((d) => d.id),
      'device id',
    );
    unique(
      'quotes',
      c.quotes.map((q) => q.itemKey),
      'quoted item',
    );
  });
export type UserCatalog = z.infer<typeof userCatalogSchema>;

export function emptyUserCatalog(): UserCatalog {
  return { formatVersion: USER_CATALOG_VERSION, devices: [], quotes: [] };
}

export type UserCatalogResult = { ok: true; catalog: UserCatalog } | { ok: false; error: string };

export function parseUserCatalog(text: string): UserCatalogResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The user catalog is not valid JSON.' };
  }
  const parsed = userCatalogSchema.safeParse(raw);
  if (parsed.success) return { ok: true, catalog: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: `The user catalog is invalid: ${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown problem'}.`,
  };
}

export function serializeUserCatalog(catalog: UserCatalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
