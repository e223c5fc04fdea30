/** Checks an edited entity against its file schema, so an edit never makes a document that would not open. */
import type { z } from 'zod';
import { formatPath } from '../../shared/index';

export type Validated<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The value as the schema reads it, or the first problem with its place (`polygon[0].x: …`). */
export function validate<T>(schema: z.ZodType<T>, value: unknown): Validated<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, reason: 'Invalid value.' };
  return { ok: false, reason: `${issue.path.length > 0 ? formatPath(issue.path) : 'value'}: ${issue.message}` };
}
