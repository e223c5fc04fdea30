import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { newProject, newRack } from '../../model/factory';
import type { ProjectDocument } from '../../model/schema';
import { newCamera, newDoor, newZone } from '../../model/securityFactory';
import { caseEleven, caseElevenFixed, rect } from '../../testing/securityFixtures';
import { runSecurityChecks } from './index';

const run = (doc: ProjectDocument) => runSecurityChecks(doc, catalogFor(doc));

/** The case's notation: `SEC-n:subject`, SEC-9 as `SEC-9:min=<boundaries>`, SEC-5 by equipment. */
function violationSet(doc: ProjectDocument): string[] {
  return run(doc)
    .findings.filter((f) => /^security\.SEC-\d$/.test(f.rule))
    .map((f) => {
      const rule = f.rule.slice('security.'.length);
      return rule === 'SEC-9' ? `SEC-9:min=${f.values.boundaries}` : `${rule}:${f.entities[0]}`;
    })
    .sort();
}

describe('worked case 11: security zoning', () => {
  it('reproduces the exact violation set', () => {
    expect(violationSet(caseEleven())).toEqual(
      ['SEC-1:D6', 'SEC-1:D7', 'SEC-2:D6', 'SEC-4:D5', 'SEC-5:CDU-1', 'SEC-6:D6', 'SEC-7:D7', 'SEC-9:min=0'].sort(),
    );
    // Nothing else is found either: no warnings about the model itself.
    expect(run(caseEleven()).findings).toHaveLength(8);
  });

  it('finds the 0-cost way in through the fire exit, and the 1 and 3 of the other ways', () => {
    const { metrics, findings } = run(caseEleven());
    expect(metrics.routes.get('HALL')).toEqual({ cost: 0, steps: ['(outside)', 'D6', 'HALL'] });
    const sec9 = findings.find((f) => f.rule === 'security.SEC-9')!;
    expect(sec9.path).toEqual(['(outside)', 'D6', 'HALL']);
    expect(sec9.message).toMatch(/outside → D6 → HALL/);
    // Without the fire exit the dock is the weakest way (1), and without the dock door too, the lobby's (3).
    const noExit = caseEleven();
    noExit.doors = noExit.doors.filter((d) => d.id !== 'D6');
    expect(run(noExit).metrics.routes.get('HALL')!.cost).toBe(1);
    noExit.doors = noExit.doors.filter((d) => d.id !== 'D7');
    expect(run(noExit).metrics.routes.get('HALL')).toEqual({
      cost: 3,
      steps: ['(outside)', 'D1', 'LOBBY', 'D2', 'CORR', 'D3', 'MANTRAP', 'D4', 'HALL'],
    });
  });

  it('after the fixes: no violations and 3 boundaries to the hall', () => {
    const { findings, metrics } = run(caseElevenFixed());
    expect(findings).toEqual([]);
    expect(metrics.routes.get('HALL')!.cost).toBe(3);
  });

  it('with SEC-3 required, the fire exit and the dock door are also too weak for class 4; D4 is a mantrap', () => {
    const doc = caseEleven();
    doc.settings.security.class4Entry = 'mantrap-or-two-factor';
    expect(violationSet(doc).filter((v) => v.startsWith('SEC-3'))).toEqual(['SEC-3:D6', 'SEC-3:D7']);
    const fixed = caseElevenFixed();
    fixed.settings.security.class4Entry = 'mantrap';
    expect(violationSet(fixed)).toEqual([]);
  });
});

/** A compliant site: compound → building → vestibule (mantrap) → hall, every door watched. */
function nested(): ProjectDocument {
  const doc = newProject('nested');
  doc.zones = [
    newZone({ id: 'site', name: 'Site', protectionClass: 1, kind: 'site' }),
    newZone({ id: 'bldg', name: 'Building', protectionClass: 2, kind: 'corridor', parentId: 'site' }),
    newZone({ id: 'vest', name: 'Vestibule', protectionClass: 3, kind: 'vestibule', parentId: 'bldg' }),
    newZone({ id: 'hall', name: 'Hall', protectionClass: 4, kind: 'data-hall', parentId: 'bldg', hallId: 'hall-1' }),
  ];
  const watched = { cctvDeclared: true };
  doc.doors = [
    newDoor({ id: 'gate', name: 'Gate', zoneA: null, zoneB: 'site', control: 'guard', ...watched }),
    newDoor({ id: 'entry', name: 'Entry', zoneA: 'site', zoneB: 'bldg', control: 'card', ...watched }),
    newDoor({
      id: 'outer',
      name: 'Outer',
      zoneA: 'bldg',
      zoneB: 'vest',
      control: 'card',
      interlockId: 'inner',
      ...watched,
    }),
    newDoor({ id: 'inner', name: 'Inner', zoneA: 'vest', zoneB: 'hall', control: 'card', ...watched }),
  ];
  doc.racks.push(
    newRack({
      id: 'gpu',
      name: 'GPU 1',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 10, y: 5 },
      devices: [{ id: 'd', catalogId: 'nvidia-dgx-h100', uPosition: 1, feed: 'AB', existing: false }],
    }),
  );
  return doc;
}

describe('security rules on documents', () => {
  it('a compliant nested layout has no findings and four boundaries to the hall (guard, card, mantrap pair)', () => {
    const { findings, metrics } = run(nested());
    expect(findings).toEqual([]);
    expect(metrics.routes.get('hall')!.cost).toBe(4);
    expect(metrics.racks.get('gpu')).toMatchObject({ zoneId: 'hall', required: 4, requiredBy: 'content' });
  });

  it('an exterior door straight into the class-4 hall: SEC-1 with the way in, and SEC-9', () => {
    const doc = nested();
    doc.doors.push(
      newDoor({ id: 'roller', name: 'Roller door', zoneA: null, zoneB: 'hall', control: 'card', cctvDeclared: true }),
    );
    const { findings } = run(doc);
    const sec1 = findings.find((f) => f.rule === 'security.SEC-1')!;
    expect(sec1).toMatchObject({
      severity: 'error',
      entities: ['roller', 'hall'],
      path: ['(outside)', 'roller', 'hall'],
    });
    expect(sec1.message).toMatch(/Roller door joins class 0 \(outside\) straight to class 4 \(Hall\)/);
    expect(sec1.values).toEqual({ highClass: 4, lowClass: 0 });
    const sec9 = findings.find((f) => f.rule === 'security.SEC-9')!;
    expect(sec9.values).toEqual({ boundaries: 1, required: 3 });
    expect(sec9.message).toMatch(/outside → Roller door → Hall/);
  });

  it('a class-4 entry through a single card reader breaks SEC-3; card + PIN or a mantrap portal mends it', () => {
    const doc = nested();
    doc.doors.find((d) => d.id === 'outer')!.interlockId = null;
    const sec3 = run(doc).findings.filter((f) => f.rule === 'security.SEC-3');
    expect(sec3.map((f) => f.entities[0])).toEqual(['inner']);
    expect(sec3[0]!.message).toMatch(/enters class 4 \(Hall\) with a card reader, not a mantrap or two-factor control/);
    doc.doors.find((d) => d.id === 'inner')!.control = 'card-pin';
    expect(run(doc).findings).toEqual([]);
    doc.settings.security.class4Entry = 'mantrap';
    expect(run(doc).findings.map((f) => f.rule)).toEqual(['security.SEC-3']);
    doc.doors.find((d) => d.id === 'inner')!.control = 'mantrap';
    expect(run(doc).findings).toEqual([]);
  });

  it('a door without any reader into class 2 or more breaks SEC-2; a key is not a reader', () => {
    const doc = nested();
    doc.doors.find((d) => d.id === 'entry')!.control = 'key';
    expect(run(doc).findings.map((f) => `${f.rule}:${f.entities[0]}`)).toContain('security.SEC-2:entry');
  });

  it('an interlock between doors that share no room is not a mantrap, and says so', () => {
    const doc = nested();
    doc.doors.find((d) => d.id === 'outer')!.interlockId = 'gate';
    const rules = run(doc).findings.map((f) => f.rule);
    expect(rules).toContain('security.interlock');
    expect(rules).toContain('security.SEC-3');
  });

  it('a rack straddling two zones is an error naming both; inside one it is not', () => {
    const doc = nested();
    doc.zones.push(
      newZone({
        id: 'cage',
        name: 'Cage 1',
        protectionClass: 4,
        kind: 'cage',
        parentId: 'hall',
        hallId: 'hall-1',
        polygon: rect(2, 2, 10, 8),
      }),
    );
    doc.doors.push(
      newDoor({
        id: 'cage-door',
        name: 'Cage door',
        zoneA: 'hall',
        zoneB: 'cage',
        control: 'card-pin',
        cctvDeclared: true,
      }),
    );
    // The rack at x = 10 ± 0.3 crosses the cage's edge at x = 10.
    const straddle = run(doc).findings.filter((f) => f.rule === 'security.straddle');
    expect(straddle).toHaveLength(1);
    expect(straddle[0]!.entities).toEqual(['gpu', 'cage']);
    expect(run(doc).metrics.racks.get('gpu')).toMatchObject({ zoneId: 'hall', straddles: ['cage'] });
    doc.racks[0]!.position = { x: 9.7, y: 5 };
    expect(run(doc).findings).toEqual([]);
    expect(run(doc).metrics.racks.get('gpu')!.zoneId).toBe('cage');
  });

  it('racks needing more than their zone gives, and racks in no zone, are errors', () => {
    const doc = nested();
    doc.zones.find((z) => z.id === 'hall')!.protectionClass = 3;
    doc.doors.find((d) => d.id === 'inner')!.control = 'card';
    const rackClass = run(doc).findings.find((f) => f.rule === 'security.rack-class')!;
    expect(rackClass.values).toEqual({ racks: 1, required: 4, zoneClass: 3 });
    doc.racks[0]!.requiredClass = 3;
    expect(run(doc).findings.filter((f) => f.rule === 'security.rack-class')).toEqual([]);
    doc.zones = doc.zones.filter((z) => z.id !== 'hall');
    doc.doors = doc.doors.filter((d) => d.id !== 'inner');
    expect(run(doc).findings.map((f) => f.rule)).toContain('security.rack-unzoned');
  });

  it('miners need class 2 and GPUs class 4 by content; a tenant’s class overrides content, a rack’s its tenant’s', () => {
    const doc = nested();
    doc.tenants = [{ id: 't', name: 'Tenant', requiredClass: 3, separate: false }];
    const miner = newRack({
      id: 'miner',
      name: 'Miner',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 20, y: 5 },
      devices: [{ id: 'm', catalogId: 'antminer-s19-xp', uPosition: 1, feed: 'AB', existing: false }],
    });
    doc.racks.push(miner);
    const racks = () => run(doc).metrics.racks;
    expect(racks().get('miner')).toMatchObject({ required: 2, requiredBy: 'content' });
    doc.racks[0]!.tenantId = 't';
    expect(racks().get('gpu')).toMatchObject({ required: 3, requiredBy: 'tenant' });
    doc.racks[0]!.requiredClass = 4;
    expect(racks().get('gpu')).toMatchObject({ required: 4, requiredBy: 'rack' });
  });

  it('a tenant marked separate may not share a zone with anyone else’s racks', () => {
    const doc = nested();
    doc.tenants = [
      { id: 'ai', name: 'AI Co', requiredClass: 4, separate: true },
      { id: 'mine', name: 'MineCo', requiredClass: 2, separate: false },
    ];
    doc.racks[0]!.tenantId = 'ai';
    doc.racks.push(
      newRack({
        id: 'm1',
        name: 'M1',
        hallId: 'hall-1',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 20, y: 5 },
        tenantId: 'mine',
      }),
    );
    const sep = run(doc).findings.filter((f) => f.rule === 'security.tenant-separation');
    expect(sep).toHaveLength(1);
    expect(sep[0]!.entities).toEqual(['hall', 'ai', 'gpu']);
    expect(sep[0]!.message).toMatch(/Hall holds racks of AI Co, MineCo, and AI Co must be kept apart/);
    // A cage around the AI rack separates them.
    doc.zones.push(
      newZone({
        id: 'cage',
        name: 'AI cage',
        protectionClass: 4,
        kind: 'cage',
        parentId: 'hall',
        hallId: 'hall-1',
        polygon: rect(8, 3, 12, 7),
      }),
    );
    doc.doors.push(
      newDoor({ id: 'cd', name: 'Cage door', zoneA: 'hall', zoneB: 'cage', control: 'card-pin', cctvDeclared: true }),
    );
    expect(run(doc).findings).toEqual([]);
  });

  it('cameras drawn in the plan cover doors they see; a wall between blinds them', () => {
    const doc = nested();
    doc.doors = doc.doors.map((d) =>
      d.id === 'inner' ? { ...d, cctvDeclared: false, hallId: 'hall-1', position: { x: 15, y: 0 } } : d,
    );
    expect(run(doc).findings.map((f) => `${f.rule}:${f.entities[0]}`)).toEqual(['security.SEC-4:inner']);
    doc.cameras.push(
      newCamera({ id: 'cam', name: 'Cam', hallId: 'hall-1', position: { x: 15, y: 6 }, directionDeg: -90 }),
    );
    expect(run(doc).findings).toEqual([]);
    expect(run(doc).metrics.coverage.get('inner')).toEqual({ cameras: ['cam'], declared: false });
    doc.walls.push({ id: 'w', hallId: 'hall-1', a: { x: 10, y: 3 }, b: { x: 20, y: 3 }, thickness: 0.2, height: 3 });
    expect(run(doc).findings.map((f) => f.rule)).toEqual(['security.SEC-4']);
  });

  it('SEC-6: an exit from class 4 must be egress-only, alarmed and watched', () => {
    const doc = nested();
    doc.doors.push(
      newDoor({ id: 'exit', name: 'Fire exit', zoneA: 'hall', zoneB: null, emergencyExit: true, egressOnly: true }),
    );
    const sec6 = run(doc).findings.filter((f) => f.rule === 'security.SEC-6');
    expect(sec6[0]!.message).toMatch(/has no door contact \(not alarmed\), is in no camera’s view/);
    Object.assign(doc.doors.at(-1)!, { alarmed: true, cctvDeclared: true });
    expect(run(doc).findings).toEqual([]);
    // Camera rules can be switched off: then an unwatched exit is fine.
    doc.doors.at(-1)!.cctvDeclared = false;
    doc.settings.security.cctvRequired = false;
    expect(run(doc).findings).toEqual([]);
  });

  it('plant in a class-2 room breaks SEC-5; plant with no room is a warning; so is a zone nested in a stronger one', () => {
    const doc = nested();
    doc.power.push({
      kind: 'switchgear',
      id: 'swbd',
      name: 'Switchboard',
      side: null,
      existing: false,
      parentId: null,
      ratingA: 4000,
      voltageV: 415,
      powerFactor: 0.95,
      hundredPercentRated: false,
      zoneId: 'bldg',
    });
    expect(run(doc).findings.map((f) => `${f.rule}:${f.entities[0]}`)).toEqual(['security.SEC-5:swbd']);
    const swbd = doc.power[0]!;
    if (swbd.kind === 'switchgear') swbd.zoneId = null;
    expect(run(doc).findings.map((f) => f.rule)).toEqual(['security.plant-unplaced']);
    doc.zones.find((z) => z.id === 'bldg')!.kind = 'meet-me-room';
    expect(run(doc).findings.map((f) => `${f.rule}:${f.entities[0]}`)).toContain('security.SEC-5:bldg');
    doc.zones.find((z) => z.id === 'vest')!.protectionClass = 1;
    expect(run(doc).findings.map((f) => f.rule)).toContain('security.zone-nesting');
  });

  it('checks nothing without zones, and flags doors and zones left out of the graph', () => {
    const empty = newProject('x');
    empty.doors.push(newDoor({ id: 'loose', name: 'Loose door' }));
    expect(run(empty).findings).toEqual([]);
    expect(run(empty).metrics.modelled).toBe(false);
    const doc = nested();
    doc.doors.push(newDoor({ id: 'loose', name: 'Loose door' }));
    doc.zones.push(newZone({ id: 'island', name: 'Island', protectionClass: 2 }));
    const rules = run(doc).findings.map((f) => `${f.rule}:${f.entities[0]}`);
    expect(rules).toEqual(expect.arrayContaining(['security.door-unzoned:loose', 'security.unreachable:island']));
  });
});
