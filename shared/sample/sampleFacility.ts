/**
 * The built-in sample: a former Bitcoin-mining hall being converted to AI. One 60 × 24 × 6 m hall
 * on a 5 MVA utility service; row 01 still holds 20 shelving bays of Antminer S19 XP, row 02 is
 * the first twelve GPU racks of DGX H100 on A/B 415 V 63 A circuits, declared 2N.
 *
 * The deliberate problem for a user to find: rack A-02-06 holds four DGX H100 (40.8 kW), which
 * its circuits share happily in normal operation but neither can carry alone (34.4 kW usable):
 * the rack is not 2N (worked case 1b).
 *
 * `npm run gen:sample` writes this to assets/sample-facility.hallwright, the file the app opens.
 */
import { defaultRackCircuit, newRack, perimeterWalls, DEFAULT_SETTINGS } from '../model/factory';
import { FORMAT_VERSION, type Circuit, type Hall, type ProjectDocument, type Rack } from '../model/schema';

const pad = (n: number) => String(n).padStart(2, '0');

export function buildSampleFacility(): ProjectDocument {
  const hall: Hall = { id: 'hall-a', name: 'Hall A (ex-mining)', width: 60, depth: 24, height: 6, feedId: 'utility-1' };
  const power: ProjectDocument['power'] = [
    {
      kind: 'utility',
      id: 'utility-1',
      name: 'Utility service 13.8 kV, 5 MVA',
      parentId: null,
      capacityKva: 5_000,
      voltageV: 13_800,
      powerFactor: 0.95,
    },
  ];
  const racks: Rack[] = [];
  const circuit = (c: Circuit) => {
    power.push(c);
    return c.id;
  };

  // Row 01: miner shelving bays, fronts (intakes) towards the fan-wall side at low y.
  for (let i = 1; i <= 20; i++) {
    const name = `A-01-${pad(i)}`;
    racks.push(
      newRack({
        id: `rack-${name}`,
        name,
        hallId: hall.id,
        rowId: 'row-a-01',
        rackTypeId: 'miner-shelf-2000',
        position: { x: 10.2 + 0.6 * (i - 1), y: 8 },
        rotationDeg: 0,
        devices: Array.from({ length: 8 }, (_, k) => ({
          id: `${name}-d${k + 1}`,
          catalogId: 'antminer-s19-xp',
          uPosition: 1 + 5 * k,
        })),
        feeds: { a: circuit(defaultRackCircuit(`ckt-${name}-a`, `${name} A`, 'A')), b: null },
        redundancy: 'N',
      }),
    );
  }

  // Row 02: GPU racks backing onto row 01 across a 1.2 m hot aisle, fronts facing +y.
  for (let i = 1; i <= 12; i++) {
    const name = `A-02-${pad(i)}`;
    const servers = i === 6 ? 4 : 3;
    racks.push(
      newRack({
        id: `rack-${name}`,
        name,
        hallId: hall.id,
        rowId: 'row-a-02',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 10.2 + 0.6 * (i - 1), y: 10.3 },
        rotationDeg: 180,
        devices: Array.from({ length: servers }, (_, k) => ({
          id: `${name}-d${k + 1}`,
          catalogId: 'nvidia-dgx-h100',
          uPosition: 3 + 10 * k,
        })),
        feeds: {
          a: circuit(defaultRackCircuit(`ckt-${name}-a`, `${name} A`, 'A')),
          b: circuit(defaultRackCircuit(`ckt-${name}-b`, `${name} B`, 'B')),
        },
        redundancy: '2N',
      }),
    );
  }

  return {
    formatVersion: FORMAT_VERSION,
    id: 'sample-ex-mining-hall',
    name: 'Sample: ex-mining hall conversion',
    settings: { ...DEFAULT_SETTINGS },
    halls: [hall],
    walls: perimeterWalls(hall),
    doors: [
      {
        id: 'door-main',
        hallId: hall.id,
        name: 'Main entrance',
        position: { x: 4, y: 0 },
        width: 1.2,
        height: 2.4,
        rotationDeg: 0,
      },
      {
        id: 'door-dock',
        hallId: hall.id,
        name: 'Loading door',
        position: { x: 54, y: 24 },
        width: 3,
        height: 4,
        rotationDeg: 0,
      },
    ],
    rows: [
      { id: 'row-a-01', hallId: hall.id, name: 'Row 01 (S19 XP miners)' },
      { id: 'row-a-02', hallId: hall.id, name: 'Row 02 (DGX H100)' },
    ],
    racks,
    power,
    customDevices: [],
  };
}
