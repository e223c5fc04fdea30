import { describe, expect, it } from 'vitest';
import { oneRackDoc } from '../../testing/fixtures';
import { runChecks } from '../index';
import { phaseCurrentA, phaseImbalancePct } from './electrical';

/** Worked case 3: single-phase loads on a 415 Y/240 V 3φ 32 A feed, PF 1.0, derating 0.8. */
const case3 = (catalogId: string, count: number) =>
  oneRackDoc({ devices: [{ catalogId, count }], sides: ['A'], circuit: { breakerA: 32, powerFactor: 1 } });
const phaseFindings = (catalogId: string, count: number) =>
  runChecks(case3(catalogId, count)).findings.filter((f) => f.rule === 'power.phase-balance');

describe('per-phase packing in the engine (worked case 3)', () => {
  // The kW-sum shortcut would allow 5 S21 and 4 rigs (wrong), and 6 S19 XP (right by luck).
  it.each([
    ['antminer-s21', 3, true],
    ['antminer-s19-xp', 6, false],
    ['rig-8x-rtx4090', 3, true],
  ])('%s: %d units fit; one more puts a phase over 25.6 A (kW total still fits: %s)', (id, fits, totalFits) => {
    expect(phaseFindings(id, fits).filter((f) => f.severity === 'error')).toEqual([]);
    const over = phaseFindings(id, fits + 1).filter((f) => f.severity === 'error');
    expect(over).toHaveLength(1);
    expect(/although the three-phase total fits/.test(over[0]!.message)).toBe(totalFits);
    expect(over[0]!.values.limitA).toBeCloseTo(25.6, 6);
  });

  it('4 × S21: the phases carry 7,000 / 3,500 / 3,500 W = 29.2 / 14.6 / 14.6 A', () => {
    const { power } = runChecks(case3('antminer-s21', 4));
    const [l1, l2, l3] = power.components.get('ckt-A')!.phaseA!;
    expect([l1, l2, l3].sort((a, b) => b - a).map((a) => a.toFixed(1))).toEqual(['29.2', '14.6', '14.6']);
    // The kW-sum shortcut would call this 14 kW of 18.4 kW: 76 %, fine.
    expect(power.components.get('ckt-A')!.utilisationPct).toBeCloseTo((100 * 14_000) / 18_401.3, 1);
  });

  it('6 × S19 XP: 6,020 W per phase is 98.1 % of 6,133.8 W: a margin under 2 % is a warning', () => {
    const found = phaseFindings('antminer-s19-xp', 6);
    expect(found.map((f) => f.severity)).toEqual(['warning']);
    expect(found[0]!.values.marginPct).toBeCloseTo(100 - (100 * 6_020) / 6_133.8, 1);
  });

  it('4 × S19 XP on three phases are unbalanced by 50 % (2 / 1 / 1): a warning with the per-phase currents', () => {
    const found = phaseFindings('antminer-s19-xp', 4).filter((f) => f.message.includes('unbalanced'));
    expect(found).toHaveLength(1);
    expect(found[0]!.values.imbalancePct).toBeCloseTo(50, 6);
    expect(found[0]!.message).toMatch(/L1 25\.1 A, L2 12\.6 A, L3 12\.6 A/);
  });

  it('a balanced rack (DGX H100, 6 supplies) draws the same current on each phase', () => {
    const { power } = runChecks(oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }], sides: ['A'] }));
    const phases = power.components.get('ckt-A')!.phaseA!;
    expect(phaseImbalancePct(phases)).toBeCloseTo(0, 9);
    // Σ phase power = 30.6 kW; I = 10.2 kW / (239.6 V · 0.95) = 44.8 A per phase, and √3·V·I·PF gives back 30.6 kW.
    expect(phases[0]).toBeCloseTo(phaseCurrentA(10_200, 415, 3, 0.95), 9);
    expect(phases[0]).toBeCloseTo(30_600 / (Math.sqrt(3) * 415 * 0.95), 9);
  });
});

describe('phase formulas', () => {
  it('I = P / (V_LL/√3 · PF) on a wye feed, P / (V · PF) single-phase', () => {
    expect(phaseCurrentA(6_133.8, 415, 3, 1)).toBeCloseTo(25.6, 3);
    expect(phaseCurrentA(2_300, 230, 1, 1)).toBeCloseTo(10, 9);
  });
  it('unbalance = max deviation from the mean / mean', () => {
    expect(phaseImbalancePct([10, 10, 10])).toBe(0);
    expect(phaseImbalancePct([12, 9, 9])).toBeCloseTo(20, 9);
    expect(phaseImbalancePct([0, 0, 0])).toBe(0);
  });
});
