import { describe, expect, it } from 'vitest';
import { newHall, newProject } from '../model/factory';
import { parseProject, serializeProject } from '../model/parse';
import type { ProjectDocument } from '../model/schema';
import { buildSampleFacility } from '../sample/sampleFacility';
import { copyLayout, pasteLayout, type Pasted } from './clipboard';
import { renumberRows } from './naming';

function apply(doc: ProjectDocument, p: Pasted): ProjectDocument {
  doc.rows.push(...p.rows);
  doc.racks.push(...p.racks);
  doc.power.push(...p.circuits);
  doc.customDevices.push(...p.customDevices);
  return doc;
}

describe('copy and paste of racks', () => {
  it('pastes a row into another hall of the same project: a new row, Hall-Row-Position names, circuits on the same boards', () => {
    const doc = buildSampleFacility();
    const ids = doc.racks.filter((r) => r.rowId === 'row-a-02').map((r) => r.id);
    const clip = copyLayout(doc, ids)!;
    const hallB = newHall({ id: 'hall-b', name: 'Hall B', code: 'B', width: 60, depth: 24, height: 6 });
    doc.halls.push(hallB);
    const pasted = pasteLayout(doc, clip, hallB, { x: 0, y: 0 });
    expect(pasted.rows).toEqual([{ id: expect.any(String), hallId: 'hall-b', name: 'Row 01' }]);
    expect(pasted.racks).toHaveLength(ids.length);
    expect(pasted.racks.map((r) => r.name).slice(0, 3)).toEqual(['B-01-01', 'B-01-02', 'B-01-03']);
    expect(pasted.notes).toEqual([]);
    const source = doc.power.find((p) => p.id === doc.racks.find((r) => r.id === ids[0])!.feeds.a)!;
    const copy = pasted.circuits.find((c) => c.id === pasted.racks[0]!.feeds.a)!;
    expect(copy.parentId).toBe(source.parentId);
    expect(copy.name).toBe('B-01-01 A');
    expect(parseProject(serializeProject(apply(doc, pasted))).ok).toBe(true);
  });

  it('pastes into another project: what it lacks is left unconnected and said so', () => {
    const sample = buildSampleFacility();
    const clip = copyLayout(
      sample,
      sample.racks.filter((r) => r.rowId === 'row-a-02').map((r) => r.id),
    )!;
    sample.racks[0]!.name = 'changed after copying';
    const doc = newProject('other');
    const pasted = pasteLayout(doc, clip, doc.halls[0]!, { x: -20, y: -5 });
    expect(pasted.circuits.every((c) => c.parentId === null)).toBe(true);
    expect(pasted.notes.join(' ')).toMatch(/circuits left unconnected/);
    expect(pasted.notes.join(' ')).toMatch(/lost their tenant/);
    expect(pasted.racks.every((r) => r.tenantId === null && r.hallId === 'hall-1')).toBe(true);
    expect(parseProject(serializeProject(apply(doc, pasted))).ok).toBe(true);
  });

  it('keeps a loose rack’s name while it is free, and numbers a copy', () => {
    const doc = buildSampleFacility();
    const rack = doc.racks[0]!;
    rack.rowId = null;
    const pasted = pasteLayout(doc, copyLayout(doc, [rack.id])!, doc.halls[0]!, { x: 1, y: 0 });
    expect(pasted.racks[0]!.name).toBe(`${rack.name} (2)`);
    expect(pasted.racks[0]!.position).toEqual({ x: rack.position.x + 1, y: rack.position.y });
  });
});

describe('renumbering rows', () => {
  it('names racks Hall-Row-Position along the row, and refuses names held outside it', () => {
    const doc = buildSampleFacility();
    const result = renumberRows(doc, ['row-a-02']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = doc.racks.filter((r) => r.rowId === 'row-a-02').sort((a, b) => a.position.x - b.position.x);
    expect(row.map((r) => result.names.get(r.id))).toEqual(row.map((_, i) => `A-02-${String(i + 1).padStart(2, '0')}`));
    doc.racks.find((r) => r.rowId === 'row-a-01')!.name = 'A-02-01';
    const clash = renumberRows(doc, ['row-a-02']);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.reason).toMatch(/Other racks already hold the name A-02-01/);
  });
});
