/**
 * Random sequences of real edits — the builders the panels and the canvas call — for the property
 * tests of the store (undo/redo) and of the incremental checks: a generated edit and the command
 * it makes against the current document, or null where the editor would refuse it.
 */
import fc from 'fast-check';
import { addDevice, deleteRacks, placeRack, removeDevice } from './commands';
import { addCoolingUnit, deleteCoolingUnits, updateCoolingUnit } from './coolingCommands';
import type { Command } from './history';
import { moveItems, rotateItems } from './layoutCommands';
import { addComponent, updateComponent, updateSettings } from './powerCommands';
import { addCamera, deleteCameras, updateSecuritySettings } from './securityCommands';
import type { Store } from './storeTesting';

/** Picks the i-th of a list, wrapping, so that generated indices always land on something. */
const nth = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];

const coord = fc.integer({ min: 0, max: 600 }).map((v) => v / 10);
const step = fc.integer({ min: -30, max: 30 }).map((v) => v / 10);
const index = fc.nat({ max: 10_000 });

export const edit = fc.oneof(
  fc.record({ k: fc.constant('place' as const), x: coord, y: coord, type: fc.boolean() }),
  fc.record({ k: fc.constant('device' as const), rack: index, gpu: fc.boolean() }),
  fc.record({ k: fc.constant('removeDevice' as const), rack: index, device: index }),
  fc.record({
    k: fc.constant('move' as const),
    rack: index,
    count: fc.integer({ min: 1, max: 4 }),
    dx: step,
    dy: step,
  }),
  fc.record({ k: fc.constant('rotate' as const), rack: index }),
  fc.record({ k: fc.constant('deleteRack' as const), rack: index }),
  fc.record({
    k: fc.constant('cooling' as const),
    template: fc.constantFrom('crah' as const, 'inrow' as const, 'cdu' as const, 'rear-door' as const),
    rack: index,
    x: coord,
    y: coord,
  }),
  fc.record({ k: fc.constant('coolingName' as const), unit: index, name: fc.string({ maxLength: 20 }) }),
  fc.record({ k: fc.constant('deleteCooling' as const), unit: index }),
  fc.record({ k: fc.constant('addPdu' as const), parent: index }),
  fc.record({ k: fc.constant('breaker' as const), component: index, amps: fc.constantFrom(16, 32, 63, 125) }),
  fc.record({ k: fc.constant('derating' as const), factor: fc.integer({ min: 50, max: 100 }).map((v) => v / 100) }),
  fc.record({ k: fc.constant('camera' as const), x: coord, y: coord }),
  fc.record({ k: fc.constant('deleteCamera' as const), camera: index }),
  fc.record({ k: fc.constant('boundaries' as const), n: fc.integer({ min: 0, max: 10 }) }),
);
export type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** The command for one generated edit against the current document, or null when the editor would refuse it. */
export function commandFor(store: Store, e: Edit): Command | null {
  const doc = store.getState().doc;
  const rack = 'rack' in e ? nth(doc.racks, e.rack) : undefined;
  const offered = (r: { ok: true; command: Command } | { ok: false }) => (r.ok ? r.command : null);
  switch (e.k) {
    case 'place':
      return placeRack(doc, 'hall-a', e.type ? 'rack-48u-600x1200' : 'miner-shelf-2000', { x: e.x, y: e.y / 2.5 })
        .command;
    case 'device':
      return rack ? offered(addDevice(doc, rack.id, e.gpu ? 'nvidia-dgx-h100' : 'antminer-s19-xp')) : null;
    case 'removeDevice': {
      const device = rack && nth(rack.devices, e.device);
      return rack && device ? removeDevice(rack.id, device.id) : null;
    }
    case 'move': {
      const ids = Array.from({ length: e.count }, (_, i) => nth(doc.racks, e.rack + i)?.id).filter(
        (id): id is string => id !== undefined,
      );
      return offered(moveItems(doc, [...new Set(ids)], e.dx, e.dy));
    }
    case 'rotate':
      return rack ? offered(rotateItems(doc, [rack.id])) : null;
    case 'deleteRack':
      return rack ? deleteRacks([rack.id]) : null;
    case 'cooling':
      return offered(
        addCoolingUnit(doc, e.template, { hallId: 'hall-a', position: { x: e.x, y: e.y / 2.5 }, rackId: rack?.id }),
      );
    case 'coolingName': {
      const unit = nth(doc.cooling, e.unit);
      return unit ? offered(updateCoolingUnit(doc, unit.id, { name: e.name })) : null;
    }
    case 'deleteCooling': {
      const unit = nth(doc.cooling, e.unit);
      return unit ? offered(deleteCoolingUnits(doc, [unit.id])) : null;
    }
    case 'addPdu':
      return offered(addComponent(doc, 'distribution', nth(doc.power, e.parent)?.id ?? null));
    case 'breaker': {
      const circuit = nth(
        doc.power.filter((p) => p.kind === 'circuit'),
        e.component,
      );
      return circuit ? offered(updateComponent(doc, circuit.id, { breakerA: e.amps })) : null;
    }
    case 'derating':
      return offered(updateSettings(doc, { deratingFactor: e.factor }));
    case 'camera':
      return offered(addCamera(doc, 'hall-a', { x: e.x, y: e.y / 2.5 }));
    case 'deleteCamera': {
      const camera = nth(doc.cameras, e.camera);
      return camera ? offered(deleteCameras(doc, [camera.id])) : null;
    }
    case 'boundaries':
      return offered(updateSecuritySettings(doc, { minBoundariesClass4: e.n }));
  }
}
