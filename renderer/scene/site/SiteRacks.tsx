/**
 * Every rack of every hall in one instanced mesh: a unit box with its front door, scaled to each
 * rack's type. One draw call for 10 or 10,000 racks and any number of rack types.
 * Instance i is the document's rack i; a click maps the instance id back to the rack.
 *
 * After an edit only the racks that changed are rewritten (rackDiff.ts) and only their span of
 * the buffers is sent to the GPU. Colours are worked out per hall (siteTints.ts): an edit recolours
 * the halls it touched and repaints their racks and the racks selected or unselected since, and
 * only the span of instances whose colour changed is sent.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { BufferGeometry } from 'three';
import {
  BoxGeometry,
  BufferAttribute,
  Color,
  Euler,
  Matrix4,
  MeshStandardMaterial,
  PlaneGeometry,
  Quaternion,
  Vector3,
  type InstancedMesh,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { CatalogView, Rack } from '../../../shared/index';
import { yawForRotation } from '../geometry';
import type { RackIndex } from '../hallIndex';
import { diffRacks } from './rackDiff';
import { capacityFor } from './siteInstances';
import type { SiteLayout } from './siteLayout';
import { instancesToPaint, updateSiteTints, type SiteTints, type TintInputs } from './siteTints';

/** The hall view's colours (RackInstances.tsx), so a rack looks the same in both views. */
const BODY = { miner: '#8a6d4b', default: '#2f3640' } as const;
const SELECTED = '#2f80ed';
const FRONT = '#7fd1ff';
/** A rack of a type the catalog does not know is drawn at the common 600 × 1200 mm, 42 U size (metres). */
const FALLBACK_SIZE = { widthM: 0.6, depthM: 1.2, heightM: 2.0 };
/** A click that moved the pointer further than this (px) was an orbit or pan. */
const CLICK_TOLERANCE_PX = 4;

/**
 * One unit geometry per rack, scaled per instance by the rack's width, height and depth: the body
 * (a box standing on the floor) and, in the same geometry, the front door as the hall view draws it
 * (86 % of the width, 90 % of the height, 11 mm proud of the −Z face as a fraction of the common
 * 1.2 m depth). The door's vertices carry `front` = 1 and take the door colour instead of the
 * rack's, so one instanced mesh (one draw call, one instance per rack) draws both: in SwiftShader a
 * frame's cost grows with instances drawn, so a second mesh for the doors doubled it.
 */
function rackGeometry(): BufferGeometry {
  const body = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
  const door = new PlaneGeometry(0.86, 0.9).rotateY(Math.PI).translate(0, 0.5, -0.5 - 0.011 / 1.2);
  const merged = mergeGeometries([body, door])!;
  const front = new Float32Array(body.getAttribute('position').count + door.getAttribute('position').count);
  front.fill(1, body.getAttribute('position').count);
  merged.setAttribute('front', new BufferAttribute(front, 1));
  body.dispose();
  door.dispose();
  return merged;
}

const RACK_GEOMETRY = rackGeometry();

/** The rack material, with the door's vertices painted the door colour (linear RGB, as three.js shades). */
function rackMaterial(): MeshStandardMaterial {
  const material = new MeshStandardMaterial();
  const door = new Color(FRONT);
  const rgb = [door.r, door.g, door.b].map((v) => v.toFixed(4)).join(', ');
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = `attribute float front;\n${shader.vertexShader}`.replace(
      '#include <color_vertex>',
      `#include <color_vertex>\n#ifdef USE_INSTANCING_COLOR\nvColor.rgb = mix(vColor.rgb, vec3(${rgb}), front);\n#endif`,
    );
  };
  return material;
}

const RACK_MATERIAL = rackMaterial();

/** A rack's colour on the site: blue when selected, else its tint, else its type's. */
function rackColour(
  rack: Rack,
  tints: ReadonlyMap<string, string> | undefined,
  selection: ReadonlySet<string>,
): string {
  if (selection.has(rack.id)) return SELECTED;
  return tints?.get(rack.id) ?? (rack.rackTypeId.startsWith('miner') ? BODY.miner : BODY.default);
}

export function SiteRacks({
  index,
  layout,
  catalog,
  tintInputs,
  selection,
  onRackClick,
}: {
  /** The document's racks by hall (hallIndex.ts); instance i is `index.items[i]`. */
  index: RackIndex;
  layout: SiteLayout;
  catalog: CatalogView;
  tintInputs: TintInputs;
  selection: ReadonlySet<string>;
  onRackClick: (rack: Rack) => void;
}) {
  const racks = index.items;
  const bodyRef = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const capacity = capacityFor(racks.length);
  // What the buffers hold now, to rewrite only what an edit changed.
  const drawn = useRef<{
    index: RackIndex;
    layout: SiteLayout;
    catalog: CatalogView;
    mesh: InstancedMesh;
  } | null>(null);
  // What the colour buffer holds: each instance's colour, and the tints and selection it was painted for.
  const painted = useRef<{
    keys: string[];
    mesh: InstancedMesh;
    tints: SiteTints;
    selection: ReadonlySet<string>;
  } | null>(null);
  const scratch = useMemo(
    () => ({
      m: new Matrix4(),
      p: new Vector3(),
      q: new Quaternion(),
      s: new Vector3(),
      e: new Euler(),
      c: new Color(),
    }),
    [],
  );

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const before = drawn.current;
    const reuse = before !== null && before.mesh === body && before.layout === layout && before.catalog === catalog;
    const diff = diffRacks(reuse ? before.index : null, index);
    const write = (i: number) => {
      const rack = racks[i]!;
      const origin = layout.halls.get(rack.hallId) ?? { x: 0, y: 0 };
      const size = catalog.rackType(rack.rackTypeId) ?? FALLBACK_SIZE;
      scratch.p.set(origin.x + rack.position.x, 0, origin.y + rack.position.y);
      scratch.q.setFromEuler(scratch.e.set(0, yawForRotation(rack.rotationDeg), 0));
      scratch.s.set(size.widthM, size.heightM, size.depthM);
      scratch.m.compose(scratch.p, scratch.q, scratch.s);
      body.setMatrixAt(i, scratch.m);
    };
    const indices = diff.full ? racks.keys() : diff.changed;
    for (const i of indices) write(i);
    const from = diff.full ? 0 : diff.from;
    const to = diff.full ? racks.length - 1 : diff.to;
    body.count = racks.length;
    if (to >= from) {
      body.instanceMatrix.clearUpdateRanges();
      body.instanceMatrix.addUpdateRange(from * 16, (to - from + 1) * 16);
      body.instanceMatrix.needsUpdate = true;
      // The bounds (for picking) are recomputed when racks come or go; a moved rack stays on the site.
      if (diff.full) body.computeBoundingSphere();
    }
    drawn.current = { index, layout, catalog, mesh: body };
    if (to >= from) invalidate();
  }, [racks, index, layout, catalog, capacity, invalidate, scratch]);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const before = painted.current?.mesh === body ? painted.current : null;
    const update = updateSiteTints(before?.tints ?? null, index, tintInputs);
    const which = instancesToPaint(
      before && { index: before.tints.index, selection: before.selection },
      update,
      selection,
    );
    // Each instance's colour as painted, to send only what changed (kept while the instance count holds).
    const keys = before && before.keys.length === racks.length ? before.keys : new Array<string>(racks.length);
    const { byHall } = update.tints;
    let from = racks.length;
    let to = -1;
    const paint = (i: number) => {
      const rack = racks[i]!;
      const hex = rackColour(rack, byHall.get(rack.hallId), selection);
      if (keys[i] === hex) return;
      keys[i] = hex;
      body.setColorAt(i, scratch.c.set(hex));
      from = Math.min(from, i);
      to = Math.max(to, i);
    };
    if (which === 'all') for (let i = 0; i < racks.length; i++) paint(i);
    else for (const i of which) paint(i);
    painted.current = { keys, mesh: body, tints: update.tints, selection };
    if (to < from) return;
    if (body.instanceColor) {
      body.instanceColor.clearUpdateRanges();
      body.instanceColor.addUpdateRange(from * 3, (to - from + 1) * 3);
      body.instanceColor.needsUpdate = true;
    }
    invalidate();
  }, [racks, index, tintInputs, selection, capacity, invalidate, scratch]);

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0) return;
    const rack = e.instanceId !== undefined ? racks[e.instanceId] : undefined;
    if (!rack) return;
    e.stopPropagation();
    onRackClick(rack);
  };

  return (
    <instancedMesh
      key={capacity}
      name="site-racks"
      ref={bodyRef}
      args={[RACK_GEOMETRY, RACK_MATERIAL, capacity]}
      onClick={onClick}
      frustumCulled={false}
      // The door colour the shader mixes in, for the GLB export (sceneExport.ts), which cannot run the shader.
      userData={{ frontColour: FRONT }}
    />
  );
}
