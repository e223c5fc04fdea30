/**
 * What every check returns: typed findings, never UI. A finding names its rule (a stable id such
 * as `power.capacity`), the entities it is about (document ids, so a click can select them), the
 * numbers behind it, and the formula and source it rests on.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable within a document: rule plus the entities, so the UI can keep selection across runs. */
  key: string;
  rule: string;
  severity: Severity;
  message: string;
  entities: string[];
  /** Named numbers behind the finding, in the units their names carry (`loadW`, `usableW`, `utilisationPct`). */
  values: Record<string, number>;
  formula: string;
  source: string;
  /** A route behind the finding, in order (security: zone, door, zone, … from outside), for "show path". */
  path?: string[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Builds a finding; its key defaults to the rule and entities (give one where a rule can say two things about the same entities). */
export function finding(f: Omit<Finding, 'key'> & { key?: string }): Finding {
  const entities = [...new Set(f.entities)];
  return { ...f, entities, key: f.key ?? `${f.rule}:${entities.join(',')}` };
}
