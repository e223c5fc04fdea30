/**
 * The cooling technology a rack needs, from what it holds and how much heat it puts into air,
 * against the document's density bands (figures.md §3.3; settings.cooling): immersion-only
 * devices need immersion, devices with cold plates need direct-to-chip liquid, and the rest is air
 * up to the open-room limit, contained air up to the containment limit, and rear-door heat
 * exchangers above it.
 */
import type { CatalogView } from '../catalog';
import type { RackThermal } from '../checks/cooling/rackThermal';
import type { Rack, Settings } from '../model/schema';
import type { CoolingTechnology } from './types';

/** How the app and the report name each technology. */
export const COOLING_TECHNOLOGY_NAMES: Record<CoolingTechnology, string> = {
  air: 'air',
  containment: 'contained air',
  'rear-door': 'rear doors',
  'direct-to-chip': 'direct-to-chip liquid',
  immersion: 'immersion',
};

export const COOLING_ORDER: readonly CoolingTechnology[] = [
  'air',
  'containment',
  'rear-door',
  'direct-to-chip',
  'immersion',
];

export function coolingNeeded(
  rack: Rack,
  thermal: RackThermal | undefined,
  catalog: CatalogView,
  settings: Settings,
): CoolingTechnology | null {
  if (rack.devices.length === 0) return null;
  const specs = rack.devices.map((d) => catalog.device(d.catalogId));
  if (specs.some((s) => s?.cooling === 'immersion')) return 'immersion';
  if (specs.some((s) => s?.cooling === 'liquid')) return 'direct-to-chip';
  const airKw = (thermal?.airW ?? 0) / 1_000;
  if (airKw <= settings.cooling.openMaxKw) return 'air';
  if (airKw <= settings.cooling.containedMaxKw) return 'containment';
  return 'rear-door';
}
