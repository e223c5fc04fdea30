/**
 * Edits of scenarios, quotes and "fill to capacity" as undoable commands. Scenarios and quotes are
 * checked against their file schemas and references first, so an edit never makes a document that
 * would not open again.
 */
import {
  quoteSchema,
  RACK_CONFIGS,
  scenarioRuleSchema,
  scenarioSchema,
  type FillResult,
  type ProjectDocument,
  type Quote,
  type Scenario,
  type ScenarioRule,
} from '../../shared/index';
import { freshId, freshName, upsert } from './commands';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

/** Why a rule's scope names something the document does not have, or null. */
function scopeProblem(doc: ProjectDocument, rule: ScenarioRule): string | null {
  const { scope } = rule;
  if (scope.kind === 'all') return null;
  const known = new Set(
    (scope.kind === 'halls' ? doc.halls : scope.kind === 'rows' ? doc.rows : doc.racks).map((x) => x.id),
  );
  return scope.ids.every((id) => known.has(id)) ? null : `That ${scope.kind.slice(0, -1)} no longer exists.`;
}

/** A rule that refits every GPU rack with the first configuration preset: the most common first question. */
function defaultRule(id: string): ScenarioRule {
  const preset = RACK_CONFIGS.find((c) => c.id === '4x-dgx-b200') ?? RACK_CONFIGS[0]!;
  return {
    id,
    scope: { kind: 'all' },
    match: 'gpu',
    action: { kind: 'replace', config: { rackTypeId: preset.rackTypeId, devices: preset.devices } },
  };
}

function replaceScenario(doc: ProjectDocument, next: Scenario, label: string): EditResult {
  const parsed = validate(scenarioSchema, next);
  if (!parsed.ok) return parsed;
  for (const rule of parsed.value.rules) {
    const problem = scopeProblem(doc, rule);
    if (problem) return { ok: false, reason: problem };
  }
  if (new Set(parsed.value.rules.map((r) => r.id)).size !== parsed.value.rules.length)
    return { ok: false, reason: 'Two rules share an id.' };
  return { ok: true, id: next.id, command: upsert('scenarios', parsed.value, label) };
}

export function addScenario(doc: ProjectDocument): EditResult {
  const id = freshId(doc, 'scenario');
  const name = freshName(
    doc.scenarios.map((s) => s.name),
    'Scenario',
  );
  return replaceScenario(doc, { id, name, rules: [defaultRule(`${id}-rule-1`)] }, `Add ${name}`);
}

function find(doc: ProjectDocument, id: string): Scenario | undefined {
  return doc.scenarios.find((s) => s.id === id);
}

const GONE = { ok: false, reason: 'That scenario no longer exists.' } as const;

export function renameScenario(doc: ProjectDocument, id: string, name: string): EditResult {
  const current = find(doc, id);
  if (!current) return GONE;
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, reason: 'A scenario needs a name.' };
  if (doc.scenarios.some((s) => s.id !== id && s.name === trimmed))
    return { ok: false, reason: `Another scenario is already called ${trimmed}.` };
  return replaceScenario(doc, { ...current, name: trimmed }, `Rename ${current.name}`);
}

export function duplicateScenario(doc: ProjectDocument, id: string): EditResult {
  const current = find(doc, id);
  if (!current) return GONE;
  const copyId = freshId(doc, 'scenario');
  const name = freshName(
    doc.scenarios.map((s) => s.name),
    `${current.name} copy`,
  );
  const rules = current.rules.map((r, i) => ({ ...structuredClone(r), id: `${copyId}-rule-${i + 1}` }));
  return replaceScenario(doc, { id: copyId, name, rules }, `Duplicate ${current.name}`);
}

export function deleteScenario(doc: ProjectDocument, id: string): EditResult {
  const current = find(doc, id);
  if (!current) return GONE;
  return {
    ok: true,
    command: {
      label: `Delete ${current.name}`,
      recipe: (d) => {
        d.scenarios = d.scenarios.filter((s) => s.id !== id);
      },
    },
  };
}

export function addRule(doc: ProjectDocument, scenarioId: string): EditResult {
  const current = find(doc, scenarioId);
  if (!current) return GONE;
  const used = new Set(current.rules.map((r) => r.id));
  let n = current.rules.length + 1;
  while (used.has(`${scenarioId}-rule-${n}`)) n++;
  return replaceScenario(
    doc,
    { ...current, rules: [...current.rules, defaultRule(`${scenarioId}-rule-${n}`)] },
    `Add a rule to ${current.name}`,
  );
}

export function updateRule(
  doc: ProjectDocument,
  scenarioId: string,
  ruleId: string,
  patch: Partial<Omit<ScenarioRule, 'id'>>,
): EditResult {
  const current = find(doc, scenarioId);
  if (!current) return GONE;
  const i = current.rules.findIndex((r) => r.id === ruleId);
  if (i < 0) return { ok: false, reason: 'That rule no longer exists.' };
  const rule = validate(scenarioRuleSchema, { ...current.rules[i], ...patch, id: ruleId });
  if (!rule.ok) return rule;
  const rules = current.rules.map((r, j) => (j === i ? rule.value : r));
  return replaceScenario(doc, { ...current, rules }, `Edit a rule of ${current.name}`);
}

/** Moves a rule up (−1) or down (+1): order matters, since a rack takes the first rule that fits it. */
export function moveRule(doc: ProjectDocument, scenarioId: string, ruleId: string, by: -1 | 1): EditResult {
  const current = find(doc, scenarioId);
  if (!current) return GONE;
  const i = current.rules.findIndex((r) => r.id === ruleId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= current.rules.length) return { ok: false, reason: 'The rule cannot move further.' };
  const rules = [...current.rules];
  [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  return replaceScenario(doc, { ...current, rules }, `Reorder the rules of ${current.name}`);
}

export function deleteRule(doc: ProjectDocument, scenarioId: string, ruleId: string): EditResult {
  const current = find(doc, scenarioId);
  if (!current) return GONE;
  return replaceScenario(
    doc,
    { ...current, rules: current.rules.filter((r) => r.id !== ruleId) },
    `Delete a rule of ${current.name}`,
  );
}

/** Sets (or replaces) the quote for one bill-of-materials item. */
export function setQuote(doc: ProjectDocument, quote: Quote): EditResult {
  const parsed = validate(quoteSchema, quote);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    command: {
      label: `Quote ${quote.itemKey}`,
      recipe: (d) => {
        const i = d.quotes.findIndex((q) => q.itemKey === quote.itemKey);
        if (i >= 0) d.quotes[i] = parsed.value;
        else d.quotes.push(parsed.value);
      },
    },
  };
}

export function removeQuote(doc: ProjectDocument, itemKey: string): EditResult {
  if (!doc.quotes.some((q) => q.itemKey === itemKey)) return { ok: false, reason: 'There is no such quote.' };
  return {
    ok: true,
    command: {
      label: `Remove the quote for ${itemKey}`,
      recipe: (d) => {
        d.quotes = d.quotes.filter((q) => q.itemKey !== itemKey);
      },
    },
  };
}

/**
 * Takes the racks and circuits of a fill computed on `doc` (shared/scenarios/fill.ts). Refused when
 * the document changed since, so a stale result never overwrites newer edits.
 */
export function applyFill(doc: ProjectDocument, basedOn: ProjectDocument, result: FillResult): EditResult {
  if (doc.racks !== basedOn.racks || doc.power !== basedOn.power)
    return { ok: false, reason: 'The design changed while the fill was worked out: run it again.' };
  if (result.filled === 0) return { ok: false, reason: 'No rack could be added.' };
  return {
    ok: true,
    command: {
      label: `Fill to capacity (${result.filled} racks)`,
      recipe: (d) => {
        d.racks = result.doc.racks;
        d.power = result.doc.power;
      },
    },
  };
}
