/** Constructors for zones, doors and cameras, so the editor, fixtures and the sample build them alike. */
import type { Camera, Door, Point2, Zone } from './schema';

/** A door with no control, joining nothing yet: callers name its zones and control. */
export function newDoor(fields: Pick<Door, 'id' | 'name'> & Partial<Door>): Door {
  return {
    hallId: null,
    position: { x: 0, y: 0 },
    width: 1.2,
    height: 2.4,
    rotationDeg: 0,
    zoneA: null,
    zoneB: null,
    control: 'none',
    interlockId: null,
    egressOnly: false,
    emergencyExit: false,
    alarmed: false,
    cctvDeclared: false,
    ...fields,
  };
}

export function newZone(fields: Pick<Zone, 'id' | 'name' | 'protectionClass'> & Partial<Zone>): Zone {
  return { kind: 'other', parentId: null, hallId: null, polygon: null, ...fields };
}

/**
 * A fixed camera with a typical lens for identifying people at a door: 90° horizontal field,
 * 15 m identification range, ceiling mounted at 3 m (indicative; the user edits them).
 */
export function newCamera(
  fields: { id: string; name: string; hallId: string; position: Point2 } & Partial<Camera>,
): Camera {
  return { heightM: 3, directionDeg: 90, fovDeg: 90, rangeM: 15, ...fields };
}
