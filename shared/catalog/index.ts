import type { ProjectDocument } from '../model/schema';
import { BUILTIN_DEVICES } from './devices';
import { BUILTIN_RACK_TYPES } from './rackTypes';
import type { DeviceSpec, RackTypeSpec } from './types';

export type * from './types';
export { BUILTIN_DEVICES, BUILTIN_RACK_TYPES };
export { EQUIPMENT, equipment, type EquipmentSpec } from './equipment';
export { RACK_CONFIGS, rackConfigName, type RackConfigPreset } from './rackConfigs';
export {
  parseUserCatalog,
  serializeUserCatalog,
  emptyUserCatalog,
  userCatalogSchema,
  userQuoteSchema,
  type UserCatalog,
  type UserQuote,
} from './userCatalog';

const builtinDevices = new Map(BUILTIN_DEVICES.map((d) => [d.id, d]));
const builtinRackTypes = new Map(BUILTIN_RACK_TYPES.map((r) => [r.id, r]));

/** A custom device's one source line stands behind each of its figures: the user vouches for them all (tag U). */
function userSources(ref: string): DeviceSpec['sources'] {
  const source = { tag: 'U' as const, ref };
  return { power: source, typical: source, weight: source, gpus: source, hashrate: source };
}

/** A user's custom device, presented with the same fields as a built-in one. */
function fromCustom(c: ProjectDocument['customDevices'][number]): DeviceSpec {
  return {
    id: c.id,
    name: c.name,
    vendor: 'custom',
    category: c.category,
    uHeight: c.uHeight,
    nameplateW: c.nameplateW,
    typicalW: c.typicalW,
    weightKg: c.weightKg,
    airflowCfm: c.airflowCfm,
    heatOutputBtuH: null,
    cooling: c.cooling,
    liquidFraction: c.cooling === 'liquid' ? c.liquidFraction : c.cooling === 'immersion' ? 1 : 0,
    ashraeClass: c.ashraeClass,
    inletMaxC: null,
    gpus: c.gpus,
    psu: { count: c.psuCount, redundant: c.psuRedundant },
    hashrateThs: c.hashrateThs,
    price: null,
    sources: userSources(c.source || 'user-supplied'),
  };
}

/** Resolves catalog ids for one document: the built-in catalog plus the project's own devices. */
export interface CatalogView {
  device(id: string): DeviceSpec | undefined;
  rackType(id: string): RackTypeSpec | undefined;
  devices(): readonly DeviceSpec[];
  rackTypes(): readonly RackTypeSpec[];
}

export function catalogFor(doc: Pick<ProjectDocument, 'customDevices'>): CatalogView {
  const custom = new Map(doc.customDevices.map((c) => [c.id, fromCustom(c)]));
  return {
    device: (id) => builtinDevices.get(id) ?? custom.get(id),
    rackType: (id) => builtinRackTypes.get(id),
    devices: () => [...BUILTIN_DEVICES, ...custom.values()],
    rackTypes: () => BUILTIN_RACK_TYPES,
  };
}
