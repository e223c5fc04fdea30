/**
 * One real file per older format: fixtures/format-N.hallwright is the sample facility exactly as
 * the last release writing format N shipped it (assets/sample-facility.hallwright at that commit:
 * 1 = 5798079, 2 = 62800f8, 3 = 3ea1f0d, 4 = 0f52d33, 5 = 0471769, 6 = 237dd00). Each must open
 * in this release, migrated to the current format, valid, and with the older content kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks';
import { parseProject, serializeProject } from './parse';
import { FORMAT_VERSION, projectSchema, type ProjectDocument } from './schema';

const fixture = (version: number) =>
  readFileSync(new URL(`./fixtures/format-${version}.hallwright`, import.meta.url), 'utf8');

function open(version: number): ProjectDocument {
  const text = fixture(version);
  expect((JSON.parse(text) as { formatVersion: unknown }).formatVersion).toBe(version);
  const result = parseProject(text);
  if (!result.ok) throw new Error(`format ${version}: ${result.error}\n${result.details.join('\n')}`);
  return result.doc;
}

describe('files written by every older format open in this one', () => {
  const versions = Array.from({ length: FORMAT_VERSION - 1 }, (_, i) => i + 1);

  it.each(versions)('format %i opens, migrates to the current format, validates and round-trips', (version) => {
    const doc = open(version);
    expect(doc.formatVersion).toBe(FORMAT_VERSION);
    expect(projectSchema.safeParse(doc).success).toBe(true);
    const again = parseProject(serializeProject(doc));
    expect(again.ok && again.doc).toEqual(doc);
    // Every release's sample had the same 32 racks in one hall, now coded A from "Hall A …".
    expect(doc.racks).toHaveLength(32);
    expect(doc.halls.map((h) => [h.code, h.buildingId, h.floor.ratingDeclared])).toEqual([['A', null, false]]);
    expect(doc.settings.units).toBe('metric');
    expect(() => runChecks(doc)).not.toThrow();
  });

  it('format 1: the hall feed parents all 44 circuits, PUE 1.3 becomes a cooling ratio of 0.3, feeds split A/B', () => {
    const doc = open(1);
    const circuits = doc.power.filter((p) => p.kind === 'circuit');
    expect(circuits).toHaveLength(44);
    expect(circuits.every((c) => c.parentId === 'utility-1')).toBe(true);
    expect(doc.settings.coolingPowerRatio).toBeCloseTo(0.3, 12);
    expect(doc.settings).not.toHaveProperty('designPue');
    expect(doc.racks.every((r) => !r.interruptible && r.devices.every((d) => d.feed === 'AB'))).toBe(true);
    expect(doc.halls[0]).not.toHaveProperty('feedId');
  });

  it('format 2: its full power chain is kept; no cooling design yet, the ratio (0.15) stays', () => {
    const doc = open(2);
    expect(doc.power).toHaveLength(59);
    expect(doc.settings.coolingPowerRatio).toBe(0.15);
    expect([doc.cooling, doc.containments]).toEqual([[], []]);
    expect(doc.settings.cooling.redundancy).toBe('N+1');
    expect(doc.racks.every((r) => r.liquidLoopId === null)).toBe(true);
  });

  it('format 3: its 5 cooling units are kept; no zoning yet, doors join no zones', () => {
    const doc = open(3);
    expect(doc.cooling).toHaveLength(5);
    expect([doc.zones, doc.tenants, doc.cameras]).toEqual([[], [], []]);
    expect(doc.doors.every((d) => d.zoneA === null && d.zoneB === null && d.control === 'none')).toBe(true);
    expect(doc.settings.security.minBoundariesClass4).toBe(3);
  });

  it('format 4: its 5 zones are kept; no quotes or scenarios, everything new-build', () => {
    const doc = open(4);
    expect(doc.zones).toHaveLength(5);
    expect([doc.quotes, doc.scenarios]).toEqual([[], []]);
    expect(doc.racks.every((r) => !r.existing && r.devices.every((d) => !d.existing))).toBe(true);
  });

  it('format 5: its scenarios are kept; no tours', () => {
    const doc = open(5);
    expect(doc.scenarios.length).toBeGreaterThan(0);
    expect(doc.tours).toEqual([]);
  });

  it('format 6: its tours are kept; no buildings, the floor rating is marked undeclared', () => {
    const doc = open(6);
    const raw = JSON.parse(fixture(6)) as { tours: unknown[] };
    expect(doc.tours).toHaveLength(raw.tours.length);
    expect(doc.buildings).toEqual([]);
    expect(doc.halls[0]!.floor).toMatchObject({ uniformLoadKpa: 12, pointLoadKn: 4.5, ratingDeclared: false });
  });
});
