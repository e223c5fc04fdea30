/**
 * Format migrations. Each step lifts a raw document from version n to n + 1; `migrate` applies
 * them in order so that a file from any earlier release opens in this one. A file from a newer
 * release is refused rather than guessed at.
 */
import { FORMAT_VERSION } from './schema';

type Raw = Record<string, unknown>;
type Migration = (doc: Raw) => Raw;

/** MIGRATIONS[n] lifts version n + 1 to n + 2. Version 1 is the first format: none yet. */
const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult = { ok: true; doc: Raw } | { ok: false; error: string };

export function migrate(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'the file does not hold a Hallwright project (expected a JSON object)' };
  }
  const doc = raw as Raw;
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'formatVersion: missing or not a positive whole number' };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      error: `formatVersion ${version} was written by a newer Hallwright (this one reads up to ${FORMAT_VERSION})`,
    };
  }
  let current = doc;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (!step) return { ok: false, error: `no migration from formatVersion ${v}` };
    current = { ...step(current), formatVersion: v + 1 };
  }
  return { ok: true, doc: current };
}
