/**
 * Ready-made rack configurations for scenarios and "fill to capacity": the common ways a rack is
 * filled with one system. Densities follow the vendors' reference racks where they publish one
 * (4 × DGX H100 = 40.8 kW, figures.md §2.3); the others fill a rack the same way.
 */
import type { RackConfig } from '../model/schema';
import type { CatalogView } from './index';

export interface RackConfigPreset extends RackConfig {
  id: string;
}

export const RACK_CONFIGS: readonly RackConfigPreset[] = [
  { id: '4x-dgx-h100', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }] },
  { id: '4x-dgx-h200', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-dgx-h200', count: 4 }] },
  { id: '4x-dgx-b200', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-dgx-b200', count: 4 }] },
  { id: '1x-gb200-nvl72', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-gb200-nvl72', count: 1 }] },
  { id: '4x-xe9680-mi300x', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'dell-xe9680-mi300x', count: 4 }] },
  { id: '8x-l40s', rackTypeId: 'rack-42u-600x1070', devices: [{ catalogId: 'l40s-server-8gpu', count: 8 }] },
  { id: '6x-rtx4090-rig', rackTypeId: 'miner-shelf-2000', devices: [{ catalogId: 'rig-8x-rtx4090', count: 6 }] },
  { id: '9x-s19-xp', rackTypeId: 'miner-shelf-2000', devices: [{ catalogId: 'antminer-s19-xp', count: 9 }] },
  { id: '9x-s21', rackTypeId: 'miner-shelf-2000', devices: [{ catalogId: 'antminer-s21', count: 9 }] },
  { id: '10x-s21-hydro', rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'antminer-s21-hydro', count: 10 }] },
];

/** "4 × NVIDIA DGX B200", from the devices' catalog names. */
export function rackConfigName(config: RackConfig, catalog: CatalogView): string {
  return config.devices
    .map((d) => `${d.count} × ${catalog.device(d.catalogId)?.name ?? `unknown device ${d.catalogId}`}`)
    .join(' + ');
}
