/**
 * Validating a project with a limit on the problems collected (issue 10).
 *
 * zod lists every problem of a document before returning: a file of 150,000 racks that are `{}`
 * holds 2,250,000 problems (15 missing fields each) and took about 10 s to refuse, and a scenario
 * rule naming 200,000 ids that are not strings made zod throw "Maximum call stack size exceeded"
 * (it spreads a container's issues into its parent's in one call). Here a valid document costs one
 * ordinary parse, while an invalid one is walked down to its problems, collecting them in document
 * order until `maxIssues` are found, so the work is bounded by the limit, not by the damage.
 */
import { z } from 'zod';
import { checkProjectReferences, projectObjectSchema, projectSchema, type ProjectDocument } from './schema';

export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
}

export type ValidationResult =
  | { ok: true; doc: ProjectDocument }
  /** `complete` is false when checking stopped at the limit: there are more problems than listed. */
  | { ok: false; issues: SchemaIssue[]; complete: boolean };

/**
 * zod's own early stop (the context `validate()` uses): parsing returns at the first problem, in
 * document order, and a valid value parses exactly as without it. zod 4.6 reads the flag from the
 * parse context but does not declare it there, hence the cast; schemaIssues.test.ts's 200,000-id
 * case fails (zod throws) if a zod upgrade stops honouring it.
 */
const FIRST_ISSUE = { abortEarly: true } as z.core.ParseContext<z.core.$ZodIssue>;

/** Thrown by the collector when the limit is reached, to leave the walk and the reference checks at once. */
class LimitReached extends Error {}

class Collector {
  readonly issues: SchemaIssue[] = [];
  constructor(private readonly max: number) {}
  add(path: PropertyKey[], message: string): void {
    this.issues.push({ path, message });
    if (this.issues.length >= this.max) throw new LimitReached();
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The option of a discriminated union that the value's discriminator selects, if any. */
function selectedOption(union: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  if (!isRecord(value)) return undefined;
  const key = union.def.discriminator;
  return union.options.find((o) => {
    const literal = o instanceof z.ZodObject ? (o.shape as Record<string, z.ZodType>)[key] : undefined;
    return literal instanceof z.ZodLiteral && literal.values.has(value[key] as z.core.util.Literal);
  }) as z.ZodType | undefined;
}

const sizeChecks = new WeakMap<z.ZodArray, z.ZodType>();

/** The same list schema with items of any kind: only its own checks (min, max) can fail. */
function sizeOnly(schema: z.ZodArray): z.ZodType {
  let shell = sizeChecks.get(schema);
  if (!shell) {
    shell = schema.clone({ ...schema.def, element: z.unknown() } as typeof schema.def) as z.ZodType;
    sizeChecks.set(schema, shell);
  }
  return shell;
}

/**
 * Collects the problems of `value` against `schema` below `path`. A valid part costs one parse that
 * stops at its first problem; an invalid container is entered from the child that holds that first
 * problem (the ones before it are valid), so each listed problem costs a few small parses whatever
 * the size of the document. A leaf, or a container that fails as a whole (wrong type, too many
 * items, its own refinement while all its fields are valid), is parsed in full: its problems are few.
 */
function walk(schema: z.ZodType, value: unknown, path: PropertyKey[], out: Collector): void {
  const first = schema.safeParse(value, FIRST_ISSUE);
  if (first.success) return;
  const at = first.error.issues[0]?.path[0];
  const before = out.issues.length;
  if (at !== undefined) {
    if (schema instanceof z.ZodArray && Array.isArray(value) && typeof at === 'number') {
      for (let i = at; i < value.length; i++) walk(schema.element as z.ZodType, value[i], [...path, i], out);
      // Then the list's own size checks (a polygon of two points), which zod reports after its items.
      const own = sizeOnly(schema).safeParse(value);
      if (!own.success) for (const issue of own.error.issues) out.add([...path, ...issue.path], issue.message);
    } else if (schema instanceof z.ZodObject && isRecord(value) && typeof at === 'string') {
      const shape = schema.shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      for (let k = Math.max(0, keys.indexOf(at)); k < keys.length; k++)
        walk(shape[keys[k]!]!, value[keys[k]!], [...path, keys[k]!], out);
    } else if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) {
      walk(schema.unwrap() as z.ZodType, value, path, out);
    } else if (schema instanceof z.ZodDiscriminatedUnion) {
      const option = selectedOption(schema, value);
      if (option) walk(option, value, path, out);
    }
    if (out.issues.length > before) return;
  }
  const full = schema.safeParse(value);
  if (!full.success) for (const issue of full.error.issues) out.add([...path, ...issue.path], issue.message);
}

/**
 * Validates a migrated document: the document on success (one parse, as `projectSchema.safeParse`),
 * otherwise its problems in document order, at most `maxIssues` of them. The fields are checked
 * first and the references between them (duplicate ids, dangling ids) only once every field is
 * well formed, so a damaged file lists the damage, not its consequences.
 */
export function validateProject(raw: unknown, maxIssues: number): ValidationResult {
  const parsed = projectSchema.safeParse(raw, FIRST_ISSUE);
  if (parsed.success) return { ok: true, doc: parsed.data };
  const out = new Collector(maxIssues);
  try {
    const fields = projectObjectSchema.safeParse(raw, FIRST_ISSUE);
    if (!fields.success) walk(projectObjectSchema, raw, [], out);
    else
      checkProjectReferences(fields.data, {
        addIssue: (issue) => out.add(issue.path, issue.message),
      });
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
    return { ok: false, issues: out.issues, complete: false };
  }
  return { ok: false, issues: out.issues, complete: true };
}
