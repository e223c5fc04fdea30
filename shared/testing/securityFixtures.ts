/**
 * Worked case 11 (security zoning) as a document: the building's ground floor is hall-1 (30 × 15 m)
 * with the case's rooms drawn as zones in it, so racks and the CDU are placed by geometry; the
 * doors are the case's table, with CCTV as the case states it (declared).
 *
 *   y 0–5:  LOBBY (x 0–6, class 1)          …            DOCK (x 24–30, class 1)
 *   y 5–8:  CORR (x 0–30, class 2)
 *   y 8–15: ELEC (x 0–6, 3) | MANTRAP (x 6–9, 3) | HALL (x 9–30, 4)
 */
import { newCoolingUnit } from '../model/coolingFactory';
import { newComponent, newProject, newRack } from '../model/factory';
import type { Door, Point2, ProjectDocument, Zone } from '../model/schema';
import { newDoor, newZone } from '../model/securityFactory';

export const rect = (x0: number, y0: number, x1: number, y1: number): Point2[] => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

function zone(id: string, protectionClass: 1 | 2 | 3 | 4, kind: Zone['kind'], polygon: Point2[]): Zone {
  return newZone({ id, name: id, protectionClass, kind, hallId: 'hall-1', polygon });
}

const door = (
  id: string,
  zoneA: string | null,
  zoneB: string | null,
  reader: boolean,
  cctv: boolean,
  extra: Partial<Door> = {},
) => newDoor({ id, name: id, zoneA, zoneB, control: reader ? 'card' : 'none', cctvDeclared: cctv, ...extra });

export function caseEleven(): ProjectDocument {
  const doc = newProject('case-11');
  doc.zones = [
    zone('LOBBY', 1, 'lobby', rect(0, 0, 6, 5)),
    zone('DOCK', 1, 'loading-dock', rect(24, 0, 30, 5)),
    zone('CORR', 2, 'corridor', rect(0, 5, 30, 8)),
    zone('ELEC', 3, 'electrical-room', rect(0, 8, 6, 15)),
    zone('MANTRAP', 3, 'vestibule', rect(6, 8, 9, 15)),
    zone('HALL', 4, 'data-hall', rect(9, 8, 30, 15)),
  ];
  doc.doors = [
    door('D1', null, 'LOBBY', false, true),
    door('D2', 'LOBBY', 'CORR', true, true),
    door('D3', 'CORR', 'MANTRAP', true, true),
    door('D4', 'MANTRAP', 'HALL', true, true, { interlockId: 'D3' }),
    door('D5', 'CORR', 'ELEC', true, false),
    door('D6', 'HALL', null, false, true, { emergencyExit: true }),
    door('D7', 'DOCK', 'HALL', true, true),
    door('D8', null, 'DOCK', false, true),
  ];
  const ups = newComponent('ups', { id: 'UPS-1', name: 'UPS-1', parentId: null, side: null });
  if (ups.kind === 'ups') ups.zoneId = 'ELEC';
  doc.power.push(ups);
  doc.cooling.push(
    newCoolingUnit('cdu', {
      id: 'CDU-1',
      name: 'CDU-1',
      hallId: 'hall-1',
      position: { x: 15, y: 6.5 },
      rackId: '',
      rejectionId: null,
      loopId: null,
    }),
  );
  doc.racks.push(
    newRack({
      id: 'R1',
      name: 'GPU rack',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 20, y: 12 },
      devices: [{ id: 'd1', catalogId: 'nvidia-dgx-h100', uPosition: 1, feed: 'AB', existing: false }],
    }),
  );
  // The case evaluates SEC-3 as not required (its violation set has no SEC-3 entry).
  doc.settings.security.class4Entry = 'reader';
  return doc;
}

/**
 * The case's fixes: D6 egress-only and alarmed; D7 re-routed DOCK → CORR (reader, CCTV); CCTV at
 * D5; CDU-1 moved into a class-3 plant room. The plant room is drawn in the floor's free strip and
 * given a card door from the corridor, so that it is reachable like every other room.
 */
export function caseElevenFixed(): ProjectDocument {
  const doc = caseEleven();
  const byId = (id: string) => doc.doors.find((d) => d.id === id)!;
  Object.assign(byId('D6'), { egressOnly: true, alarmed: true });
  Object.assign(byId('D7'), { zoneA: 'DOCK', zoneB: 'CORR' });
  byId('D5').cctvDeclared = true;
  doc.zones.push(zone('PLANT', 3, 'plant-room', rect(6, 0, 24, 5)));
  doc.doors.push(door('D9', 'CORR', 'PLANT', true, true));
  const cdu = doc.cooling.find((u) => u.id === 'CDU-1')!;
  if (cdu.kind === 'cdu') cdu.position = { x: 15, y: 2.5 };
  return doc;
}

/**
 * The sample facility with both its deliberate problems fixed: UPS B gets the fifth module its
 * 2N+1 needs, and the old roller door is locked from inside (egress-only, with a door contact;
 * CAM-2 already watches it), so deliveries come in through the mantrap.
 */
export function fixSample(doc: ProjectDocument): ProjectDocument {
  const ups = doc.power.find((c) => c.id === 'ups-b');
  if (ups?.kind !== 'ups') throw new Error('the sample has no UPS ups-b');
  ups.modules = 5;
  const dock = doc.doors.find((d) => d.id === 'door-dock');
  if (!dock) throw new Error('the sample has no loading door');
  Object.assign(dock, { egressOnly: true, alarmed: true });
  return doc;
}
