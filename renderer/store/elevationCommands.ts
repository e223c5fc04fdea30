/**
 * Edits made in a rack's elevation: place a catalog device at a U, move a placed device, remove
 * it, choose its feed side. Each is checked by the engine (shared/layout/elevation.ts) first and
 * refused with its reason when the device does not fit, so a rack never holds clashing devices
 * through the editor.
 */
import {
  canPlace,
  catalogFor,
  nextPlacementId,
  rackElevation,
  type CatalogView,
  type DevicePlacement,
  type ElevationDevice,
  type ProjectDocument,
  type Rack,
  type RackElevation,
} from '../../shared/index';
import { removeDevice, setDeviceFeed } from './commands';
import type { EditResult } from './powerCommands';

type Found<T> = ({ ok: true } & T) | { ok: false; reason: string };

function rackAndElevation(
  doc: ProjectDocument,
  rackId: string,
): Found<{ rack: Rack; elevation: RackElevation; catalog: CatalogView }> {
  const rack = doc.racks.find((r) => r.id === rackId);
  const catalog = catalogFor(doc);
  const elevation = rackElevation(doc, rackId, catalog);
  if (!rack || !elevation)
    return { ok: false, reason: 'That rack no longer exists, or its rack type is not in the catalog.' };
  return { ok: true, rack, elevation, catalog };
}

function placedDevice(
  doc: ProjectDocument,
  rackId: string,
  placementId: string,
): Found<{ rack: Rack; elevation: RackElevation; device: ElevationDevice }> {
  const found = rackAndElevation(doc, rackId);
  if (!found.ok) return found;
  const device = found.elevation.devices.find((d) => d.placementId === placementId);
  if (!device) return { ok: false, reason: `That device is no longer in ${found.rack.name}.` };
  return { ...found, device };
}

/** Places catalog device `catalogId` with its lowest U at `atU`; the result's id is the new placement's. */
export function addDeviceAt(doc: ProjectDocument, rackId: string, catalogId: string, atU: number): EditResult {
  const found = rackAndElevation(doc, rackId);
  if (!found.ok) return found;
  const { rack, elevation, catalog } = found;
  const spec = catalog.device(catalogId);
  if (!spec) return { ok: false, reason: `"${catalogId}" is not in the project's catalog.` };
  const check = canPlace(elevation, spec.uHeight, atU);
  if (!check.ok)
    return {
      ok: false,
      reason: `${spec.name} (${spec.uHeight}U) cannot go at U${atU} in ${rack.name}: ${check.reason}.`,
    };
  const placement: DevicePlacement = {
    id: nextPlacementId(rack),
    catalogId,
    uPosition: atU,
    feed: 'AB',
    existing: false,
  };
  return {
    ok: true,
    id: placement.id,
    command: {
      label: `Add ${spec.name} at U${atU} in ${rack.name}`,
      recipe: (d) => {
        d.racks.find((r) => r.id === rackId)?.devices.push(placement);
      },
    },
  };
}

/** Moves a placed device so that its lowest U is `toU`. */
export function moveDevice(doc: ProjectDocument, rackId: string, placementId: string, toU: number): EditResult {
  const found = placedDevice(doc, rackId, placementId);
  if (!found.ok) return found;
  const { rack, elevation, device } = found;
  const check = canPlace(elevation, device.uHeight, toU, placementId);
  if (!check.ok)
    return {
      ok: false,
      reason: `${device.name} (${device.uHeight}U) cannot move to U${toU} in ${rack.name}: ${check.reason}.`,
    };
  return {
    ok: true,
    id: placementId,
    command: {
      label: `Move ${device.name} to U${toU}`,
      recipe: (d) => {
        const placement = d.racks.find((r) => r.id === rackId)?.devices.find((x) => x.id === placementId);
        if (placement) placement.uPosition = toU;
      },
    },
  };
}

/** Takes a placed device out of its rack. */
export function removePlacedDevice(doc: ProjectDocument, rackId: string, placementId: string): EditResult {
  const found = placedDevice(doc, rackId, placementId);
  if (!found.ok) return found;
  return { ok: true, command: { ...removeDevice(rackId, placementId), label: `Remove ${found.device.name}` } };
}

/**
 * Which side a placed device's power supplies plug into. One side alone needs a circuit on that
 * side: supplies on a side with no circuit would have no power.
 */
export function setPlacedDeviceFeed(
  doc: ProjectDocument,
  rackId: string,
  placementId: string,
  feed: DevicePlacement['feed'],
): EditResult {
  const found = placedDevice(doc, rackId, placementId);
  if (!found.ok) return found;
  const { rack, device } = found;
  const missing = feed === 'A' && rack.feeds.a === null ? 'A' : feed === 'B' && rack.feeds.b === null ? 'B' : null;
  if (missing)
    return {
      ok: false,
      reason: `${rack.name} has no ${missing} circuit, so ${device.name}'s supplies would have no power on side ${missing}: connect one (Inspector → Assign circuits) or choose the side it has.`,
    };
  return { ok: true, id: placementId, command: setDeviceFeed(rackId, placementId, feed) };
}
