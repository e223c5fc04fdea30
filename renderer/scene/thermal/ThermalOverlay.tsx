/**
 * The thermal result in the 3D view (docs/thermal-view.md): a heat-map slice at a chosen height, a
 * vertical slice along x or y, the racks' intake faces coloured by their inlet temperature, and
 * arrows of the air's velocity on the slices. The store holds the result; this only draws it.
 *
 * Draw calls stay constant whatever the site's size: each slice is one quad with one texture (a
 * texel per cell), the intake faces one InstancedMesh, the arrows one InstancedMesh. Nothing here
 * takes pointer events, so racks under a slice stay clickable.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  ConeGeometry,
  CylinderGeometry,
  DataTexture,
  DoubleSide,
  LinearFilter,
  Object3D,
  PlaneGeometry,
  Quaternion,
  SRGBColorSpace,
  Vector3,
  type InstancedMesh,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { catalogFor, type Hall } from '../../../shared/index';
import type { HallThermalField, RackInletResult } from '../../../shared/thermal/types';
import { useEditor } from '../../store/editor';
import { hallRacksOf } from '../hallIndex';
import { yawForRotation } from '../geometry';
import { colourOf, type TemperatureScale } from '../../../shared/export/thermalColours';
import {
  horizontalSlice,
  sampleFlow,
  sliceRgba,
  verticalSlice,
  type FlowSample,
  type Slice,
} from '../../../shared/export/thermalSlices';
import { useThermalView } from './useThermalView';

/** Slices are a little see-through, so racks and containment read through them. */
const SLICE_ALPHA = 220;
/** The intake faces stand this far in front of the rack's front, m, so they do not fight with it for depth. */
const FACE_OFFSET_M = 0.02;
const ARROW_COLOUR = '#1d232a';

const noRaycast = () => null;

/** A quad through four world corners (counter-clockwise from uv (0,0)), its uv running over the slice's texels. */
function quad(corners: readonly [number, number, number][]): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(corners.flat()), 3));
  g.setAttribute('uv', new BufferAttribute(new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]), 2));
  g.setIndex([0, 1, 2, 0, 2, 3]);
  return g;
}

/** The slice as a texture: texel (u, v) is value u + width · v, row 0 at uv v = 0. */
function useSliceTexture(slice: Slice, scale: TemperatureScale): DataTexture {
  const texture = useMemo(() => {
    const t = new DataTexture(sliceRgba(slice, scale, SLICE_ALPHA), slice.width, slice.height);
    // The bytes are sRGB colours of the legend: decoded here, encoded again on output, they show as made.
    t.colorSpace = SRGBColorSpace;
    t.magFilter = LinearFilter;
    t.minFilter = LinearFilter;
    t.needsUpdate = true;
    return t;
  }, [slice, scale]);
  useEffect(() => () => texture.dispose(), [texture]);
  return texture;
}

function SliceMesh(props: { name: string; slice: Slice; scale: TemperatureScale; geometry: BufferGeometry }) {
  const texture = useSliceTexture(props.slice, props.scale);
  useEffect(() => () => props.geometry.dispose(), [props.geometry]);
  return (
    <mesh name={props.name} geometry={props.geometry} raycast={noRaycast} renderOrder={2}>
      {/* One pass for both faces: three draws transparent double-sided surfaces twice, which a flat plane does not need. */}
      <meshBasicMaterial
        map={texture}
        transparent
        side={DoubleSide}
        forceSinglePass
        depthWrite={false}
        toneMapped={false}
      />
    </mesh>
  );
}

function HeatMap({ field, scale, heightM }: { field: HallThermalField; scale: TemperatureScale; heightM: number }) {
  const slice = useMemo(() => horizontalSlice(field, heightM), [field, heightM]);
  const geometry = useMemo(() => {
    const { nx, ny, cellM: d } = field.grid;
    const [x1, z1] = [nx * d, ny * d];
    return quad([
      [0, heightM, 0],
      [x1, heightM, 0],
      [x1, heightM, z1],
      [0, heightM, z1],
    ]);
  }, [field, heightM]);
  return <SliceMesh name="thermal-heat-map" slice={slice} scale={scale} geometry={geometry} />;
}

function VerticalSlice(props: {
  field: HallThermalField;
  scale: TemperatureScale;
  axis: 'x' | 'y';
  positionM: number;
}) {
  const { field, scale, axis, positionM } = props;
  const slice = useMemo(() => verticalSlice(field, axis, positionM), [field, axis, positionM]);
  const geometry = useMemo(() => {
    const { nx, ny, nz, cellM: d, zOriginM: bottom } = field.grid;
    const top = bottom + nz * d;
    // Along x the plane is world z = position; along y it is world x = position. v runs up.
    return axis === 'x'
      ? quad([
          [0, bottom, positionM],
          [nx * d, bottom, positionM],
          [nx * d, top, positionM],
          [0, top, positionM],
        ])
      : quad([
          [positionM, bottom, 0],
          [positionM, bottom, ny * d],
          [positionM, top, ny * d],
          [positionM, top, 0],
        ]);
  }, [field, axis, positionM]);
  return <SliceMesh name="thermal-vertical-slice" slice={slice} scale={scale} geometry={geometry} />;
}

function InletFaces({
  hall,
  inlets,
  scale,
}: {
  hall: Hall;
  inlets: readonly RackInletResult[];
  scale: TemperatureScale;
}) {
  const hallRacks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const customDevices = useEditor((s) => s.doc.customDevices);
  const catalog = useMemo(() => catalogFor({ customDevices }), [customDevices]);
  const plane = useMemo(() => new PlaneGeometry(1, 1), []);
  useEffect(() => () => plane.dispose(), [plane]);
  const faces = useMemo(() => {
    const byId = new Map(inlets.filter((i) => i.status !== 'not-air-cooled').map((i) => [i.rackId, i]));
    // Faces follow the racks as they stand now; their colour is the last result's.
    return hallRacks.filter((r) => byId.has(r.id)).map((rack) => ({ rack, inlet: byId.get(rack.id)! }));
  }, [hallRacks, inlets]);
  const capacity = Math.max(1, faces.length);
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const o = new Object3D();
    const colour = new Color();
    faces.forEach(({ rack, inlet }, i) => {
      const type = catalog.rackType(rack.rackTypeId);
      const width = type?.widthM ?? 0.6;
      const depth = type?.depthM ?? 1.2;
      const height = type?.heightM ?? 2.2;
      o.position.set(rack.position.x, height / 2, rack.position.y);
      o.rotation.set(0, yawForRotation(rack.rotationDeg), 0);
      o.scale.set(1, 1, 1);
      // The rack's local front is −z.
      o.translateZ(-(depth / 2 + FACE_OFFSET_M));
      o.scale.set(width, height, 1);
      o.updateMatrix();
      mesh.setMatrixAt(i, o.matrix);
      // The worst spot of the intake: the figure the recommended limit is held against.
      const [r, g, b] = colourOf(inlet.inletMaxC, scale);
      mesh.setColorAt(i, colour.setRGB(r / 255, g / 255, b / 255, SRGBColorSpace));
    });
    mesh.count = faces.length;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }, [faces, catalog, scale]);
  if (faces.length === 0) return null;
  return (
    <instancedMesh
      key={capacity}
      name="thermal-inlets"
      ref={ref}
      args={[plane, undefined, capacity]}
      raycast={noRaycast}
    >
      <meshBasicMaterial side={DoubleSide} toneMapped={false} />
    </instancedMesh>
  );
}

/** One arrow one unit long along +z, foot at the origin: a shaft and a head merged, so arrows cost one draw call. */
function arrowGeometry(): BufferGeometry {
  // Few segments and an open shaft: an arrow is ~20 triangles, and there may be a thousand or two.
  const shaft = new CylinderGeometry(0.03, 0.03, 0.7, 4, 1, true).rotateX(Math.PI / 2).translate(0, 0, 0.35);
  const head = new ConeGeometry(0.09, 0.3, 6).rotateX(Math.PI / 2).translate(0, 0, 0.85);
  const merged = mergeGeometries([shaft, head]);
  shaft.dispose();
  head.dispose();
  return merged;
}

interface ArrowSet {
  samples: FlowSample[];
  spacingM: number;
  fastest: number;
}

function Arrows({ sets }: { sets: readonly ArrowSet[] }) {
  const geometry = useMemo(() => arrowGeometry(), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const count = sets.reduce((n, s) => n + s.samples.length, 0);
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const o = new Object3D();
    const forward = new Vector3(0, 0, 1);
    const direction = new Vector3();
    const turn = new Quaternion();
    let i = 0;
    for (const { samples, spacingM, fastest } of sets)
      for (const s of samples) {
        // World axes: plan x → X, plan y → Z, height → Y. Length ∝ speed, the plane's fastest 0.9 of the spacing.
        direction.set(s.u, s.w, s.v).normalize();
        o.position.set(s.x, s.z, s.y);
        o.quaternion.copy(turn.setFromUnitVectors(forward, direction));
        const thickness = Math.min(1, spacingM);
        o.scale.set(thickness, thickness, (0.9 * spacingM * s.speed) / fastest);
        o.updateMatrix();
        mesh.setMatrixAt(i++, o.matrix);
      }
    mesh.count = count;
    mesh.instanceMatrix.needsUpdate = true;
  }, [sets, count]);
  if (count === 0) return null;
  return (
    <instancedMesh key={count} name="thermal-arrows" ref={ref} args={[geometry, undefined, count]} raycast={noRaycast}>
      <meshBasicMaterial color={ARROW_COLOUR} />
    </instancedMesh>
  );
}

export function ThermalOverlay({ hall }: { hall: Hall }) {
  const view = useThermalView(hall.id);
  const field = view?.field ?? null;
  const display = view?.display;
  // The plane stays within the gridded air: above a raised floor's deck, below the ceiling.
  const sliceHeightM = field
    ? Math.min(
        Math.max(display?.sliceHeightM ?? 1, field.grid.zOriginM),
        field.grid.zOriginM + field.grid.nz * field.grid.cellM,
        hall.height,
      )
    : 0;
  const verticalAxis = display?.verticalAxis ?? 'x';
  const verticalPositionM = display?.verticalPositionM ?? (verticalAxis === 'x' ? hall.depth / 2 : hall.width / 2);
  const showHeatMap = display?.heatMap ?? false;
  const showVertical = display?.vertical ?? false;
  const showArrows = display?.arrows ?? false;
  const arrowSets = useMemo(() => {
    if (!field || !showArrows) return [];
    const sets: ArrowSet[] = [];
    if (showHeatMap || !showVertical) sets.push(sampleFlow(field, { kind: 'horizontal', heightM: sliceHeightM }));
    if (showVertical)
      sets.push(sampleFlow(field, { kind: 'vertical', axis: verticalAxis, positionM: verticalPositionM }));
    return sets;
  }, [field, showArrows, showHeatMap, showVertical, sliceHeightM, verticalAxis, verticalPositionM]);
  if (!view || !display) return null;
  const hallInlets = view.result.racks.filter((r) => r.hallId === hall.id);
  return (
    <group name="thermal">
      {field && showHeatMap ? <HeatMap field={field} scale={view.scale} heightM={sliceHeightM} /> : null}
      {field && showVertical ? (
        <VerticalSlice field={field} scale={view.scale} axis={verticalAxis} positionM={verticalPositionM} />
      ) : null}
      {display.inlets ? <InletFaces hall={hall} inlets={hallInlets} scale={view.scale} /> : null}
      {arrowSets.length > 0 ? <Arrows sets={arrowSets} /> : null}
    </group>
  );
}
