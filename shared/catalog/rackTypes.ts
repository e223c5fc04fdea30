import type { RackTypeSpec } from './types';

const EMPTY_RACK_ASSUMPTION = {
  tag: 'U' as const,
  ref: 'Assumption (worked case 10a): empty 48U rack ≈160 kg; verify with the rack vendor',
};

export const BUILTIN_RACK_TYPES: readonly RackTypeSpec[] = [
  {
    id: 'rack-48u-600x1200',
    name: '48U rack, 600 × 1200 mm',
    uHeight: 48,
    widthM: 0.6,
    depthM: 1.2,
    heightM: 2.27,
    emptyWeightKg: 160,
    price: null,
    sources: {
      size: { tag: 'U', ref: 'Common AI rack footprint 600 × 1200 mm (worked case 10a); 48U ≈ 2.27 m tall' },
      weight: EMPTY_RACK_ASSUMPTION,
    },
  },
  {
    id: 'rack-42u-600x1070',
    name: '42U rack, 600 × 1070 mm',
    uHeight: 42,
    widthM: 0.6,
    depthM: 1.07,
    heightM: 2.0,
    emptyWeightKg: 140,
    price: null,
    sources: {
      size: { tag: 'U', ref: 'Common enterprise rack footprint; 42U ≈ 2.0 m tall' },
      weight: { tag: 'U', ref: 'Assumption: ≈140 kg empty' },
    },
  },
  {
    id: 'miner-shelf-2000',
    name: 'Miner shelving bay, 48U-equivalent, 600 × 1000 mm',
    uHeight: 48,
    widthM: 0.6,
    depthM: 1.0,
    heightM: 2.2,
    emptyWeightKg: 60,
    price: null,
    sources: {
      size: { tag: 'U', ref: 'Assumption: open steel shelving bay as used in air-cooled mining halls' },
      weight: { tag: 'U', ref: 'Assumption: ≈60 kg steel shelving' },
    },
  },
];
