import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import { newProject } from './factory';
import { migrate } from './migrate';
import { runChecks } from '../checks';
import { parseProject, serializeProject } from './parse';
import { FORMAT_VERSION } from './schema';

const sampleText = () => serializeProject(buildSampleFacility());

function expectError(text: string, pattern: RegExp) {
  const result = parseProject(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect([result.error, ...result.details].join('\n')).toMatch(pattern);
}

describe('project files', () => {
  it('round-trips the sample exactly', () => {
    const doc = buildSampleFacility();
    const result = parseProject(serializeProject(doc));
    expect(result.ok && result.doc).toEqual(doc);
  });

  it('round-trips a new empty project', () => {
    const doc = newProject('p1');
    const result = parseProject(serializeProject(doc));
    expect(result.ok && result.doc).toEqual(doc);
  });

  it('refuses text that is not JSON', () => expectError('{"formatVersion": 1,', /not valid JSON/));

  it('refuses JSON that is not a project', () => {
    expectError('[1,2,3]', /expected a JSON object/);
    expectError('{"hello": "world"}', /formatVersion/);
  });

  it('refuses a file from a newer release rather than guessing', () => {
    const doc = { ...buildSampleFacility(), formatVersion: 99 };
    expectError(JSON.stringify(doc), /newer Hallwright/);
  });

  it('names the field and place of a wrong value', () => {
    const doc = buildSampleFacility() as unknown as { racks: { position: { x: unknown } }[] };
    doc.racks[3]!.position.x = 'left';
    expectError(JSON.stringify(doc), /racks\[3\]\.position\.x/);
  });

  it('refuses negative power, a zero breaker and non-finite numbers', () => {
    const text = sampleText()
      .replace('"capacityKva": 5000', '"capacityKva": -5000')
      .replace('"breakerA": 63', '"breakerA": 0');
    expectError(text, /power\[0\]\.capacityKva[\s\S]*breakerA/);
    expectError(sampleText().replace('"height": 6', '"height": 1e999'), /halls\[0\]\.height/);
  });

  it('refuses dangling references and duplicate ids', () => {
    const doc = buildSampleFacility();
    doc.racks[0]!.feeds.a = 'no-such-circuit';
    doc.racks[1]!.id = doc.racks[2]!.id;
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.details.join('\n')).toMatch(/racks\[0\]\.feeds\.a: refers to circuit "no-such-circuit"/);
      expect(result.details.join('\n')).toMatch(/duplicate id/);
    }
  });

  it('refuses unknown catalog ids', () => {
    const doc = buildSampleFacility();
    doc.racks[0]!.devices[0]!.catalogId = 'quantum-toaster';
    expectError(JSON.stringify(doc), /racks\[0\]\.devices\[0\]\.catalogId: unknown device "quantum-toaster"/);
  });

  it('is not fooled by __proto__ keys (prototype pollution)', () => {
    const text = sampleText().replace('"name": "Sample', '"__proto__": {"polluted": true}, "name": "Sample');
    const result = parseProject(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.doc)).not.toContain('__proto__');
  });

  it('refuses an oversized text before parsing it', () => {
    expectError(' '.repeat(64 * 1024 * 1024 + 1), /too large/);
  });

  it('lists at most a dozen problems and says how many more', () => {
    const doc = buildSampleFacility() as unknown as { racks: { name: unknown }[] };
    for (const r of doc.racks) r.name = 42;
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/32 problems/);
      expect(result.details).toHaveLength(13);
      expect(result.details.at(-1)).toMatch(/and 20 more/);
    }
  });

  it('refuses a power chain that loops, a load feeding a load, and a generator backing a source', () => {
    const loop = buildSampleFacility();
    loop.power.find((p) => p.id === 'tx-a')!.parentId = 'pdu-a1';
    expectError(JSON.stringify(loop), /power\[\d+\]\.parentId: the chain loops back on itself/);
    const leaf = buildSampleFacility();
    leaf.power.find((p) => p.id === 'ckt-A-02-01-b')!.parentId = 'ckt-A-02-01-a';
    expectError(JSON.stringify(leaf), /a circuit \("ckt-A-02-01-a"\) cannot feed other components/);
    const gen = buildSampleFacility();
    (gen.power.find((p) => p.id === 'gen-1') as { backsUpId: string }).backsUpId = 'utility-1';
    expectError(JSON.stringify(gen), /backsUpId: a generator backs up a fed distribution component/);
  });

  it('refuses more spare power supplies than installed ones', () => {
    const doc = buildSampleFacility();
    doc.customDevices.push({
      id: 'x',
      name: 'X',
      category: 'other',
      uHeight: 1,
      nameplateW: 1,
      typicalW: 1,
      weightKg: 1,
      psuCount: 2,
      psuRedundant: 2,
      cooling: 'air',
      liquidFraction: 0,
      airflowCfm: null,
      ashraeClass: 'A2',
      gpus: null,
      hashrateThs: null,
      source: '',
    });
    expectError(JSON.stringify(doc), /customDevices\[0\]\.psuRedundant: spare power supplies must be fewer/);
  });
});

describe('format migration 1 → 2', () => {
  /** A formatVersion 1 file as the skeleton release wrote it. */
  const v1 = () => ({
    formatVersion: 1,
    id: 'old',
    name: 'Old project',
    settings: { deratingFactor: 0.8, loadBasis: 'nameplate', designPue: 1.3, gridM: 0.3 },
    halls: [{ id: 'hall-1', name: 'Hall', width: 30, depth: 15, height: 5, feedId: 'u1' }],
    walls: [],
    doors: [],
    rows: [],
    racks: [
      {
        id: 'r1',
        name: 'R1',
        hallId: 'hall-1',
        rowId: null,
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 5, y: 5 },
        rotationDeg: 0,
        devices: [{ id: 'd1', catalogId: 'nvidia-dgx-h100', uPosition: 1 }],
        feeds: { a: 'c1', b: null },
        redundancy: 'N',
      },
    ],
    power: [
      { kind: 'utility', id: 'u1', name: 'U', parentId: null, capacityKva: 5000, voltageV: 13800, powerFactor: 0.95 },
      {
        kind: 'circuit',
        id: 'c1',
        name: 'C1',
        parentId: null,
        voltageV: 415,
        phases: 3,
        breakerA: 63,
        powerFactor: 0.95,
        hundredPercentRated: false,
        side: 'A',
      },
    ],
    customDevices: [],
  });

  it("opens a version 1 file: the hall feed becomes the circuits' parent, PUE becomes the cooling ratio", () => {
    const result = parseProject(JSON.stringify(v1()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { doc } = result;
    expect(doc.formatVersion).toBe(FORMAT_VERSION);
    expect(doc.power.find((p) => p.id === 'c1')!.parentId).toBe('u1');
    expect(doc.settings.coolingPowerRatio).toBeCloseTo(0.3, 9);
    expect(doc.settings.redundancy.ups).toBe('N');
    expect(doc.racks[0]!.devices[0]!.feed).toBe('AB');
    expect(doc.racks[0]!.interruptible).toBe(false);
    expect('feedId' in doc.halls[0]!).toBe(false);
  });

  it("leaves the caller's object untouched", () => {
    const raw = v1();
    const before = JSON.stringify(raw);
    expect(migrate(raw).ok).toBe(true);
    expect(JSON.stringify(raw)).toBe(before);
  });
});

type RawDoc = Record<string, unknown> & {
  settings: Record<string, unknown>;
  racks: Record<string, unknown>[];
  power: Record<string, unknown>[];
  cooling?: Record<string, unknown>[];
  doors: Record<string, unknown>[];
  halls: Record<string, unknown>[];
};

/** The sample as release 4 wrote it: no quotes or scenarios; racks and devices without `existing`. */
function sampleV4(): RawDoc {
  const doc = JSON.parse(JSON.stringify(buildSampleFacility())) as RawDoc;
  doc.formatVersion = 4;
  delete doc.quotes;
  delete doc.scenarios;
  delete doc.tours;
  for (const r of doc.racks) {
    delete r.existing;
    for (const d of r.devices as Record<string, unknown>[]) delete d.existing;
  }
  return doc;
}

/** The sample as release 3 wrote it: no zones, tenants or cameras; doors without security fields. */
function sampleV3(): RawDoc {
  const doc = sampleV4();
  doc.formatVersion = 3;
  delete doc.zones;
  delete doc.tenants;
  delete doc.cameras;
  delete doc.settings.security;
  doc.doors = doc.doors
    .filter((d) => d.hallId !== null)
    .map(({ id, hallId, name, position, width, height, rotationDeg }) => ({
      id,
      hallId,
      name,
      position,
      width,
      height,
      rotationDeg,
    }));
  for (const r of doc.racks) {
    delete r.tenantId;
    delete r.requiredClass;
  }
  for (const p of [...doc.power, ...(doc.cooling ?? [])]) delete p.zoneId;
  return doc;
}

describe('format migration 6 → 7', () => {
  it('opens a version 6 file: halls get codes from their names and an undeclared TIA-942 slab, units metric', () => {
    const v6 = JSON.parse(JSON.stringify(buildSampleFacility())) as RawDoc;
    v6.formatVersion = 6;
    delete v6.buildings;
    delete v6.settings.units;
    v6.halls.push({ ...v6.halls[0], id: 'hall-2', name: 'Overflow' }, { ...v6.halls[0], id: 'hall-3', name: 'Hall A' });
    for (const h of v6.halls) {
      delete h.code;
      delete h.buildingId;
      delete h.floor;
    }
    const result = parseProject(JSON.stringify(v6));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.buildings).toEqual([]);
    expect(result.doc.halls.map((h) => h.code)).toEqual(['A', 'H2', 'A2']);
    expect(result.doc.halls[0]).toMatchObject({
      buildingId: null,
      floor: { kind: 'slab', raisedHeightM: 0, uniformLoadKpa: 12, pointLoadKn: 4.5, ratingDeclared: false },
    });
    expect(result.doc.settings.units).toBe('metric');
  });

  it('refuses two halls of one code and a hall in a missing building', () => {
    const doc = buildSampleFacility();
    doc.halls.push({ ...doc.halls[0]!, id: 'hall-2', code: 'a', buildingId: 'nowhere' });
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.details.join('\n')).toMatch(/hall code "a" is used twice/);
      expect(result.details.join('\n')).toMatch(/building "nowhere", which does not exist/);
    }
  });
});

describe('format migration 5 → 6', () => {
  it('opens a version 5 file with no tours', () => {
    const v5 = JSON.parse(JSON.stringify(buildSampleFacility())) as RawDoc;
    v5.formatVersion = 5;
    delete v5.tours;
    const result = parseProject(JSON.stringify(v5));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc.tours).toEqual([]);
  });

  it('refuses a tour with two stops of one id', () => {
    const doc = buildSampleFacility();
    const stop = {
      id: 's',
      caption: '',
      position: { x: 0, y: 1.7, z: 0 },
      target: { x: 1, y: 1, z: 1 },
      holdS: 2,
      highlight: { kind: 'none' as const },
    };
    doc.tours = [{ id: 'tour-1', name: 'T', stops: [stop, stop] }];
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.join('\n')).toMatch(/duplicate stop id "s"/);
  });
});

describe('format migration 4 → 5', () => {
  it('opens a version 4 file: no quotes or scenarios, everything new-build, custom devices without GPUs', () => {
    const v4 = sampleV4();
    (v4 as Record<string, unknown>).customDevices = [
      {
        id: 'custom-1',
        name: 'Old server',
        category: 'other',
        uHeight: 2,
        nameplateW: 800,
        typicalW: 500,
        weightKg: 20,
        psuCount: 2,
        psuRedundant: 1,
        cooling: 'air',
        liquidFraction: 0,
        airflowCfm: null,
        ashraeClass: 'A2',
        source: 'nameplate',
      },
    ];
    const result = parseProject(JSON.stringify(v4));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { doc } = result;
    expect(doc.formatVersion).toBe(FORMAT_VERSION);
    expect([doc.quotes, doc.scenarios]).toEqual([[], []]);
    expect(doc.racks.every((r) => !r.existing && r.devices.every((d) => !d.existing))).toBe(true);
    expect(doc.customDevices[0]).toMatchObject({ gpus: null, hashrateThs: null });
  });

  it('refuses a custom device under a built-in id, which the catalog would silently ignore', () => {
    const doc = buildSampleFacility();
    doc.customDevices = [
      {
        id: 'nvidia-dgx-h100',
        name: 'My DGX',
        category: 'gpu-server',
        uHeight: 8,
        nameplateW: 10_200,
        typicalW: 8_000,
        weightKg: 130,
        psuCount: 6,
        psuRedundant: 2,
        cooling: 'air',
        liquidFraction: 0,
        airflowCfm: null,
        ashraeClass: 'A2',
        gpus: null,
        hashrateThs: null,
        source: 'test',
      },
    ];
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.join('\n')).toMatch(/"nvidia-dgx-h100" is a built-in device's id/);
  });

  it('refuses a quote given twice and a scenario rule scoped to a missing row', () => {
    const doc = buildSampleFacility();
    doc.quotes = [
      { itemKey: 'ups', unitPrice: 300, source: 'A', date: '2026-01-01' },
      { itemKey: 'ups', unitPrice: 310, source: 'B', date: '2026-01-02' },
    ];
    doc.scenarios[0]!.rules[0]!.scope = { kind: 'rows', ids: ['row-zz'] };
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.join('\n')).toMatch(/"ups" is quoted twice/);
    expect(result.details.join('\n')).toMatch(/refers to row "row-zz"/);
  });
});

describe('format migration 2 → 3', () => {
  /** The sample as release 2 wrote it: no cooling design, no loops, no UPS rooms, no cooling settings. */
  const v2 = () => {
    const doc = sampleV3();
    doc.formatVersion = 2;
    delete doc.cooling;
    delete doc.containments;
    delete doc.settings.cooling;
    for (const r of doc.racks) delete r.liquidLoopId;
    for (const p of doc.power) delete p.hallId;
    return doc;
  };

  it('opens a version 2 file with no cooling design: the cooling ratio still estimates the cooling power', () => {
    const result = parseProject(JSON.stringify(v2()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { doc } = result;
    expect(doc.formatVersion).toBe(FORMAT_VERSION);
    expect(doc.cooling).toEqual([]);
    expect(doc.containments).toEqual([]);
    expect(doc.racks.every((r) => r.liquidLoopId === null)).toBe(true);
    expect(doc.settings.cooling.redundancy).toBe('N+1');
    const { power } = runChecks(doc);
    expect(power.site.coolingW).toBeCloseTo(0.15 * 909_000, 6);
  });
});

describe('format migration 3 → 4', () => {
  it('opens a version 3 file with no zoning: doors join no zones, racks need their class by content, nothing is checked', () => {
    const result = parseProject(JSON.stringify(sampleV3()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { doc } = result;
    expect(doc.formatVersion).toBe(FORMAT_VERSION);
    expect([doc.zones, doc.tenants, doc.cameras]).toEqual([[], [], []]);
    expect(doc.doors.map((d) => [d.id, d.zoneA, d.zoneB, d.control])).toEqual([
      ['door-main', null, null, 'none'],
      ['door-dock', null, null, 'none'],
      ['door-fire', null, null, 'none'],
    ]);
    expect(doc.racks.every((r) => r.tenantId === null && r.requiredClass === null)).toBe(true);
    expect(doc.power.filter((p) => p.kind === 'ups').every((p) => p.zoneId === null)).toBe(true);
    expect(doc.settings.security).toMatchObject({ class4Entry: 'mantrap-or-two-factor', minBoundariesClass4: 3 });
    const { findings, security } = runChecks(doc);
    expect(security.modelled).toBe(false);
    expect(findings.filter((f) => f.rule.startsWith('security.'))).toEqual([]);
  });
});

describe('security references and values', () => {
  const sample = () => buildSampleFacility();

  it('refuses zones nested in a loop, doors into unknown zones or the same zone twice, and a class 5', () => {
    const loop = sample();
    loop.zones[0]!.parentId = 'zone-hall-a';
    expectError(JSON.stringify(loop), /zones nest in a loop/);
    const door = sample();
    door.doors[0]!.zoneB = 'nowhere';
    expectError(JSON.stringify(door), /doors\[0\]\.zoneB: refers to zone "nowhere"/);
    const same = sample();
    Object.assign(same.doors[1]!, { zoneA: 'zone-site', zoneB: 'zone-site' });
    expectError(JSON.stringify(same), /a door joins two different zones/);
    const cls = sample() as unknown as { zones: { protectionClass: number }[] };
    cls.zones[0]!.protectionClass = 5;
    expectError(JSON.stringify(cls), /zones\[0\]\.protectionClass/);
  });

  it('refuses a polygon zone outside any hall, an unknown tenant, a self-interlock and a camera with no field of view', () => {
    const poly = sample();
    poly.zones[0]!.polygon = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
    ];
    expectError(JSON.stringify(poly), /a zone drawn as a polygon lies in a hall/);
    const tenant = sample();
    tenant.racks[0]!.tenantId = 'ghost';
    expectError(JSON.stringify(tenant), /refers to tenant "ghost"/);
    const self = sample();
    self.doors[0]!.interlockId = self.doors[0]!.id;
    expectError(JSON.stringify(self), /which is not another door/);
    const cam = sample();
    cam.cameras[0]!.fovDeg = 0;
    expectError(JSON.stringify(cam), /cameras\[0\]\.fovDeg/);
  });
});

describe('cooling references and values', () => {
  const sample = () => buildSampleFacility();

  it('refuses loops, doors and containments that point at the wrong things', () => {
    const loop = sample();
    loop.racks[0]!.liquidLoopId = 'fw-1';
    expectError(JSON.stringify(loop), /racks\[0\]\.liquidLoopId: refers to CDU or immersion tank "fw-1"/);

    const door = sample();
    const rearDoor = {
      kind: 'rear-door' as const,
      id: 'door-1',
      name: 'Door',
      existing: false,
      rackId: 'rack-A-02-01',
      capacityKw: 35,
      waterSupplyC: 18,
      waterReturnC: 26,
      loopId: null,
    };
    door.cooling.push(rearDoor, { ...rearDoor, id: 'door-2' });
    expectError(JSON.stringify(door), /rack "rack-A-02-01" already has a rear door/);

    const row = sample();
    row.containments[0]!.rowIds = ['row-a-01', 'row-a-01'];
    expectError(JSON.stringify(row), /containments\[0\]\.rowIds: names the same row twice/);

    const gone = sample();
    gone.containments[0]!.rowIds = ['row-x'];
    expectError(JSON.stringify(gone), /refers to row "row-x"/);
  });

  it('refuses negative airflow, a bypass of 100 % and a liquid device with no liquid share', () => {
    const flow = JSON.parse(JSON.stringify(sample())) as { cooling: { airflowM3h: number }[] };
    flow.cooling[0]!.airflowM3h = -60_000;
    expectError(JSON.stringify(flow), /cooling\[0\]\.airflowM3h/);
    const bypass = sample();
    bypass.containments[0]!.bypassFraction = 1;
    expectError(JSON.stringify(bypass), /containments\[0\]\.bypassFraction/);
    const device = sample();
    device.customDevices.push({
      id: 'cold-plate',
      name: 'Cold plate server',
      category: 'gpu-server',
      uHeight: 4,
      nameplateW: 10_000,
      typicalW: 8_000,
      weightKg: 60,
      psuCount: 4,
      psuRedundant: 2,
      cooling: 'liquid',
      liquidFraction: 0,
      airflowCfm: null,
      ashraeClass: 'A2',
      gpus: null,
      hashrateThs: null,
      source: 'test',
    });
    expectError(JSON.stringify(device), /liquid-cooled device sends some of its heat to the liquid/);
  });
});
