/**
 * A hand-made bill of materials and scenario summaries for the exporters' tests, so they test the
 * export formats and not the BOM or the comparison. The figures are small enough to check by hand:
 *
 *   IT equipment   36 × DGX H100 at 199,000 (catalog)        7,164,000
 *                  240 × S19 XP, already on site                     0
 *   Racks          12 × 48U rack at 2,500 (quote)                30,000
 *   Power          UPS 500 kVA at 350 (quote)                   175,000
 *                  24 rack PDUs, unpriced                             —
 *   Security       3 cameras at 900 (quote)                       2,700
 *                                                       total 7,371,700, 1 new-build line unpriced
 *
 * Some texts carry commas, double quotes and line breaks on purpose: the exporters must keep them.
 */
import { totalBom } from '../bom';
import type { Bom, BomLine } from '../bom/types';
import type { ScenarioSummary } from '../scenarios/types';

type LineFields = Omit<BomLine, 'key' | 'entities'>;

const line = (fields: LineFields): BomLine => ({
  ...fields,
  key: fields.existing ? `${fields.itemKey}:existing` : fields.itemKey,
  entities: [],
});

export const FIXTURE_LINES: BomLine[] = [
  line({
    itemKey: 'nvidia-dgx-h100',
    category: 'it',
    description: 'NVIDIA DGX H100',
    unit: 'each',
    quantity: 36,
    existing: false,
    unitPrice: 199_000,
    total: 7_164_000,
    priceOrigin: 'catalog',
    priceSource: '[S] Reseller list price, "street" figure, 2025\nread from a price list',
    priceDate: '2025-06-01',
  }),
  line({
    itemKey: 'antminer-s19-xp',
    category: 'it',
    description: 'Bitmain Antminer S19 XP',
    unit: 'each',
    quantity: 240,
    existing: true,
    unitPrice: null,
    total: 0,
    priceOrigin: 'existing',
    priceSource: 'Already on site: not bought.',
    priceDate: null,
  }),
  line({
    itemKey: 'rack-48u-600x1200',
    category: 'racks',
    description: 'Rack 48U 600 × 1200 mm',
    unit: 'each',
    quantity: 12,
    existing: false,
    unitPrice: 2_500,
    total: 30_000,
    priceOrigin: 'quote',
    priceSource: 'Quote: Rack vendor Q-1',
    priceDate: '2026-10-01',
  }),
  line({
    itemKey: 'ups',
    category: 'power',
    description: 'UPS (modular)',
    unit: 'kVA',
    quantity: 500,
    existing: false,
    unitPrice: 350,
    total: 175_000,
    priceOrigin: 'quote',
    priceSource: 'Quote: UPS vendor Q-7',
    priceDate: '2026-10-02',
  }),
  line({
    itemKey: 'rack-pdu',
    category: 'power',
    description: 'Rack PDU, 415 V 3φ 63 A',
    unit: 'each',
    quantity: 24,
    existing: false,
    unitPrice: null,
    total: null,
    priceOrigin: 'none',
    priceSource: 'No authoritative public price: enter a quote from your supplier.',
    priceDate: null,
  }),
  line({
    itemKey: 'camera',
    category: 'security',
    description: 'CCTV camera',
    unit: 'each',
    quantity: 3,
    existing: false,
    unitPrice: 900,
    total: 2_700,
    priceOrigin: 'quote',
    priceSource: 'Quote: Security integrator',
    priceDate: '2026-10-04',
  }),
];

/** A bill totalled from its lines by the engine's own totalling (docs/bom.md). */
export function fixtureBom(lines: readonly BomLine[] = FIXTURE_LINES, currency = 'USD'): Bom {
  return totalBom([...lines], currency);
}

const buildCost = (itMw: number): ScenarioSummary['buildCost'] => ({
  criticalMw: itMw,
  lowUsd: itMw * 9_300_000,
  midUsd: itMw * 11_700_000,
  highUsd: itMw * 15_000_000,
  aiLowUsd: itMw * 11_700_000 * 1.07,
  aiHighUsd: itMw * 11_700_000 * 1.1,
});

/** The design as drawn and two scenarios, one of them without GPUs (no cost per PFLOPS). */
export const FIXTURE_SCENARIOS: ScenarioSummary[] = [
  {
    id: null,
    name: 'Design as drawn',
    racks: 32,
    devices: 276,
    gpus: 288,
    bf16Pflops: 284.9,
    fp8Pflops: 569.9,
    hashratePhs: 25.2,
    itMw: 0.909,
    facilityMw: 0.997,
    pue: 1.097,
    coolingTechnologies: ['air', 'containment'],
    verdicts: {
      power: { errors: 1, warnings: 0 },
      cooling: { errors: 0, warnings: 2 },
      security: { errors: 3, warnings: 0 },
    },
    currency: 'USD',
    capex: 7_371_700,
    capexUnpricedLines: 1,
    annualEnergyMWh: 8_731.5,
    annualEnergyCost: 698_523,
    costPerPflops: 25_874,
    buildCost: buildCost(0.909),
    notes: [],
  },
  {
    id: 'scenario-gb200',
    name: 'Miner row → GB200 NVL72',
    racks: 32,
    devices: 56,
    gpus: 1_728,
    bf16Pflops: 4_604.4,
    fp8Pflops: 9_208.8,
    hashratePhs: 0,
    itMw: 2.81,
    facilityMw: 3.05,
    pue: 1.085,
    coolingTechnologies: ['containment', 'direct-to-chip'],
    verdicts: {
      power: { errors: 4, warnings: 1 },
      cooling: { errors: 2, warnings: 0 },
      security: { errors: 3, warnings: 0 },
    },
    currency: 'USD',
    capex: 67_400_000,
    capexUnpricedLines: 3,
    annualEnergyMWh: 26_718,
    annualEnergyCost: 2_137_440,
    costPerPflops: 14_638,
    buildCost: buildCost(2.81),
    notes: ['2 racks: GB200 NVL72 did not fit (placed 0 of 1).'],
  },
  {
    id: 'scenario-empty',
    name: 'Everything emptied, "for now"',
    racks: 0,
    devices: 0,
    gpus: 0,
    bf16Pflops: 0,
    fp8Pflops: 0,
    hashratePhs: 0,
    itMw: 0,
    facilityMw: 0.02,
    pue: null,
    coolingTechnologies: [],
    verdicts: {
      power: { errors: 0, warnings: 0 },
      cooling: { errors: 0, warnings: 0 },
      security: { errors: 0, warnings: 0 },
    },
    currency: 'USD',
    capex: 0,
    capexUnpricedLines: 0,
    annualEnergyMWh: 175.2,
    annualEnergyCost: 14_016,
    costPerPflops: null,
    buildCost: buildCost(0),
    notes: [],
  },
];
