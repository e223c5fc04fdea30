/**
 * A scenario applied to a document: each rack takes the first rule whose scope holds it and whose
 * match fits what it holds now, and is kept, emptied, or refilled with the rule's configuration.
 * The result is a new document the checks, the BOM and the comparison run on unchanged; the
 * original is never touched. What could not be done as asked comes back as notes.
 */
import { catalogFor, rackConfigName, type CatalogView } from '../catalog';
import type { DevicePlacement, ProjectDocument, Rack, RackConfig, Scenario, ScenarioRule } from '../model/schema';
import { plural } from '../text';

export interface AppliedScenario {
  doc: ProjectDocument;
  /** Racks each rule changed, by rule id. */
  changed: Map<string, number>;
  notes: string[];
}

export function applyScenario(doc: ProjectDocument, scenario: Scenario): AppliedScenario {
  const catalog = catalogFor(doc);
  const scopes = scenario.rules.map(inScope);
  const changed = new Map<string, number>();
  const shortfalls = new Map<string, { racks: number; placed: number; asked: number }>();
  const unknown = new Set<string>();

  const racks = doc.racks.map((rack) => {
    const index = scenario.rules.findIndex((rule, i) => scopes[i]!(rack) && matches(rule, rack, catalog));
    const rule = scenario.rules[index];
    if (!rule || rule.action.kind === 'keep') return rack;
    changed.set(rule.id, (changed.get(rule.id) ?? 0) + 1);
    if (rule.action.kind === 'empty') return { ...rack, devices: [] };
    const { config } = rule.action;
    for (const d of config.devices) if (!catalog.device(d.catalogId)) unknown.add(d.catalogId);
    const refilled = refill(rack, config, catalog);
    if (refilled.placed < refilled.asked) {
      const key = rackConfigName(config, catalog);
      const s = shortfalls.get(key) ?? { racks: 0, placed: refilled.placed, asked: refilled.asked };
      s.racks++;
      s.placed = Math.min(s.placed, refilled.placed);
      shortfalls.set(key, s);
    }
    return refilled.rack;
  });

  const notes = [
    ...[...unknown].map((id) => `Device "${id}" is not in the catalog: it was left out.`),
    ...[...shortfalls].map(
      ([name, s]) =>
        `${plural(s.racks, 'rack')} could not hold all of ${name}: as few as ${s.placed} of ${s.asked} devices fit.`,
    ),
  ];
  return { doc: { ...doc, racks }, changed, notes };
}

type Scope = (rack: Rack) => boolean;

function inScope(rule: ScenarioRule): Scope {
  const { scope } = rule;
  if (scope.kind === 'all') return () => true;
  const ids = new Set(scope.ids);
  if (scope.kind === 'halls') return (r) => ids.has(r.hallId);
  if (scope.kind === 'rows') return (r) => r.rowId !== null && ids.has(r.rowId);
  return (r) => ids.has(r.id);
}

function matches(rule: ScenarioRule, rack: Rack, catalog: CatalogView): boolean {
  const specs = rack.devices.map((d) => catalog.device(d.catalogId));
  switch (rule.match) {
    case 'any':
      return true;
    case 'empty':
      return rack.devices.length === 0;
    case 'gpu':
      return specs.some((s) => s?.gpus);
    case 'miner':
      return specs.some((s) => s?.category === 'miner');
  }
}

/**
 * Stacks the configuration's devices from U1 up, in the order given, into the rack (or its new
 * frame). Devices that do not fit the frame's height are left out and counted.
 */
function refill(rack: Rack, config: RackConfig, catalog: CatalogView): { rack: Rack; placed: number; asked: number } {
  const typeId =
    config.rackTypeId !== null && catalog.rackType(config.rackTypeId) ? config.rackTypeId : rack.rackTypeId;
  const height = catalog.rackType(typeId)?.uHeight ?? 0;
  const devices: DevicePlacement[] = [];
  let u = 1;
  let asked = 0;
  let allMiners = true;
  for (const { catalogId, count } of config.devices) {
    const spec = catalog.device(catalogId);
    if (!spec) continue;
    asked += count;
    for (let i = 0; i < count; i++) {
      if (u + spec.uHeight - 1 > height) break;
      devices.push({ id: `${rack.id}-s${devices.length + 1}`, catalogId, uPosition: u, feed: 'AB', existing: false });
      if (spec.category !== 'miner') allMiners = false;
      u += spec.uHeight;
    }
  }
  return {
    rack: {
      ...rack,
      rackTypeId: typeId,
      // A new frame is bought; the same frame stays what it was.
      existing: typeId === rack.rackTypeId && rack.existing,
      devices,
      // Only miners curtail on demand: a rack of GPUs is critical load whatever the rack was before.
      interruptible: rack.interruptible && allMiners && devices.length > 0,
    },
    placed: devices.length,
    asked,
  };
}
