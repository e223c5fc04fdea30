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
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function finding(f: Omit<Finding, 'key'>): Finding {
  return { key: `${f.rule}:${f.entities.join(',')}`, ...f };
}
