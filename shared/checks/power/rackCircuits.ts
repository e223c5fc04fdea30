/**
 * Rack circuits: capacity in normal operation, and the 2N failover proof.
 *
 * Normal operation: a dual-corded rack shares its load equally over its A and B circuits (PSUs
 * in load-sharing); a rack on one circuit puts it all there. Each circuit's summed load must not
 * exceed its continuous capacity, P_usable = √3 · V_LL · I · PF · derating (worked case 1).
 *
 * 2N (declared per rack): each side alone must carry every rack it feeds. Losing side A moves
 * each rack's whole load onto its B circuit, and vice versa (worked case 1b). Under N the sides
 * share the load and no redundancy is claimed (worked case 1c).
 */
import type { Circuit, ProjectDocument } from '../../model/schema';
import { finding, type Finding } from '../types';
import { usableCircuitW } from './electrical';

const CAPACITY_FORMULA =
  'P_usable = √3 · V_LL · I_breaker · PF · derating (1φ: V · I · PF · derating); load ≤ P_usable';
const CAPACITY_SOURCE =
  'NEC 210.20(A) continuous-load rule (OCPD ≥ 125 % of continuous load ⇒ 80 % derating); worked case 1';
const REDUNDANCY_FORMULA = 'For each side S lost: Σ (whole load of racks also fed by the surviving side) ≤ P_usable';
const REDUNDANCY_SOURCE = '2N definition: each path alone carries 100 % of the load (figures.md §2.5); worked case 1b';
/** Nameplates carry ±5 % tolerance, so a margin under 2 % is not a margin (worked case 3 note). */
const NEAR_LIMIT_FRACTION = 0.02;

export interface CircuitLoad {
  circuit: Circuit;
  usableW: number;
  /** Load in normal operation, W. */
  loadW: number;
  /** Load after the opposite side is lost (2N proof), W. */
  failoverLoadW: number;
  rackIds: string[];
}

export interface RackCircuitResult {
  findings: Finding[];
  circuits: Map<string, CircuitLoad>;
  /** Redundancy each rack actually has: 2N when either side alone carries it, N when it needs both, none without a circuit. */
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
}

const kw = (w: number) => (w / 1000).toFixed(2);

export function checkRackCircuits(doc: ProjectDocument, rackLoads: ReadonlyMap<string, number>): RackCircuitResult {
  const { deratingFactor } = doc.settings;
  const twoN = new Set<string>();
  const circuits = new Map<string, CircuitLoad>();
  for (const p of doc.power) {
    if (p.kind !== 'circuit') continue;
    circuits.set(p.id, {
      circuit: p,
      usableW: usableCircuitW(p, deratingFactor),
      loadW: 0,
      failoverLoadW: 0,
      rackIds: [],
    });
  }

  const findings: Finding[] = [];
  for (const rack of doc.racks) {
    const load = rackLoads.get(rack.id) ?? 0;
    const a = rack.feeds.a !== null ? circuits.get(rack.feeds.a) : undefined;
    const b = rack.feeds.b !== null ? circuits.get(rack.feeds.b) : undefined;
    const sides = [a, b].filter((c): c is CircuitLoad => c !== undefined);
    if (rack.redundancy === '2N') for (const c of sides) twoN.add(c.circuit.id);
    for (const c of sides) {
      c.loadW += load / sides.length;
      c.failoverLoadW += load;
      c.rackIds.push(rack.id);
    }
    if (sides.length === 0 && load > 0) {
      findings.push(
        finding({
          rule: 'power.unfed',
          severity: 'error',
          message: `${rack.name} draws ${kw(load)} kW but is connected to no circuit.`,
          entities: [rack.id],
          values: { loadW: load },
          formula: 'A rack with load needs at least one circuit',
          source: 'Design completeness',
        }),
      );
    }
    if (rack.redundancy === '2N' && sides.length === 1 && load > 0) {
      findings.push(
        finding({
          rule: 'power.redundancy',
          severity: 'error',
          message: `${rack.name} is declared 2N but has only one feed side.`,
          entities: [rack.id, sides[0]!.circuit.id],
          values: { loadW: load },
          formula: REDUNDANCY_FORMULA,
          source: REDUNDANCY_SOURCE,
        }),
      );
    }
  }

  for (const c of circuits.values()) {
    if (c.rackIds.length === 0) continue;
    const marginW = c.usableW - c.loadW;
    const values = {
      loadW: c.loadW,
      usableW: c.usableW,
      marginW,
      utilisationPct: (100 * c.loadW) / c.usableW,
      breakerA: c.circuit.breakerA,
      voltageV: c.circuit.voltageV,
    };
    const entities = [c.circuit.id, ...c.rackIds];
    if (marginW < 0) {
      findings.push(
        finding({
          rule: 'power.capacity',
          severity: 'error',
          message: `Circuit ${c.circuit.name} carries ${kw(c.loadW)} kW, over its derated capacity of ${kw(c.usableW)} kW by ${kw(-marginW)} kW.`,
          entities,
          values,
          formula: CAPACITY_FORMULA,
          source: CAPACITY_SOURCE,
        }),
      );
    } else if (marginW < NEAR_LIMIT_FRACTION * c.usableW) {
      findings.push(
        finding({
          rule: 'power.capacity',
          severity: 'warning',
          message: `Circuit ${c.circuit.name} is within 2 % of its derated capacity (${kw(c.loadW)} of ${kw(c.usableW)} kW); nameplates carry ±5 % tolerance.`,
          entities,
          values,
          formula: CAPACITY_FORMULA,
          source: `${CAPACITY_SOURCE}; nameplate tolerance ±5 % (figures.md §1.5)`,
        }),
      );
    }
    if (twoN.has(c.circuit.id) && c.failoverLoadW > c.usableW && c.failoverLoadW > c.loadW) {
      const lost = c.circuit.side === 'A' ? 'B' : 'A';
      findings.push(
        finding({
          rule: 'power.redundancy',
          severity: 'error',
          message: `Losing side ${lost} puts ${kw(c.failoverLoadW)} kW on circuit ${c.circuit.name}, over its ${kw(c.usableW)} kW: the design is not 2N.`,
          entities,
          values: { failoverLoadW: c.failoverLoadW, usableW: c.usableW, marginW: c.usableW - c.failoverLoadW },
          formula: REDUNDANCY_FORMULA,
          source: REDUNDANCY_SOURCE,
        }),
      );
    }
  }

  const rackRedundancy = new Map<string, 'N' | '2N' | 'none'>();
  for (const rack of doc.racks) {
    const sides = [rack.feeds.a, rack.feeds.b].map((id) => (id !== null ? circuits.get(id) : undefined));
    const connected = sides.filter((c): c is CircuitLoad => c !== undefined);
    if (connected.length === 0) rackRedundancy.set(rack.id, 'none');
    else if (connected.length === 2 && connected.every((c) => c.failoverLoadW <= c.usableW))
      rackRedundancy.set(rack.id, '2N');
    else rackRedundancy.set(rack.id, 'N');
  }
  return { findings, circuits, rackRedundancy };
}
