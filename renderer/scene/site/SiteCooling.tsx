/**
 * Every hall's cooling units and containment on the site, read-only: the units as copies of one
 * box (siteUnits.ts) and the contained aisles as translucent panels (siteAisles.ts), each set
 * merged into one mesh (MergedShapes, siteInstances.ts): two draw calls whatever the number of
 * halls. A click on a unit or an aisle selects it and goes into its hall, where it is edited;
 * what is selected is painted in the selection's colour.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { DoubleSide, MeshStandardMaterial, type Mesh } from 'three';
import type { CatalogView, Containment, CoolingUnit } from '../../../shared/index';
import type { RackIndex } from '../hallIndex';
import { AISLE_OPACITY, drawAisles, PANELS, type AislesDrawn } from './siteAisles';
import { capacityFor, MergedShapes, openBox, unitPanel } from './siteInstances';
import type { SiteLayout } from './siteLayout';
import { drawUnits, unitHall, type UnitsDrawn } from './siteUnits';

/** A click that moved the pointer further than this (px) was an orbit or pan. */
const CLICK_TOLERANCE_PX = 4;

const BOX = openBox();
const PANEL = unitPanel();
/** Each unit's colour is its vertices'; lit flat, as the box carries no normals. */
const UNIT_MATERIAL = new MeshStandardMaterial({ vertexColors: true, flatShading: true });
/**
 * As the hall view's unselected containment panels: translucent, both faces, not hiding what is
 * behind. three draws a translucent double-sided mesh in two passes (back faces, then front) to
 * sort its faces; the panels of all aisles are not sorted among themselves anyway, so one pass
 * (forceSinglePass) draws them in one call.
 */
const AISLE_MATERIAL = new MeshStandardMaterial({
  vertexColors: true,
  flatShading: true,
  transparent: true,
  opacity: AISLE_OPACITY,
  depthWrite: false,
  side: DoubleSide,
  forceSinglePass: true,
});

/** Merged copies of `shape` for `capacity` items, disposed of when the capacity changes or the view closes. */
function useShapes(shape: typeof BOX, capacity: number): MergedShapes {
  const shapes = useMemo(() => new MergedShapes(shape, capacity), [shape, capacity]);
  useEffect(() => () => shapes.dispose(), [shapes]);
  return shapes;
}

export function SiteCooling({
  cooling,
  containments,
  racks,
  layout,
  catalog,
  selection,
  onPick,
}: {
  cooling: readonly CoolingUnit[];
  containments: readonly Containment[];
  /** The document's racks by hall (hallIndex.ts): rear doors hang on them, aisles lie between their rows. */
  racks: RackIndex;
  layout: SiteLayout;
  catalog: CatalogView;
  selection: ReadonlySet<string>;
  /** A unit or containment clicked: its hall and id. */
  onPick: (hallId: string, id: string) => void;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const unitShapes = useShapes(BOX, capacityFor(cooling.length));
  const aisleShapes = useShapes(PANEL, capacityFor(containments.length * PANELS));
  const unitMesh = useRef<Mesh>(null);
  const aisleMesh = useRef<Mesh>(null);
  const units = useRef<UnitsDrawn | null>(null);
  const aisles = useRef<AislesDrawn | null>(null);

  useLayoutEffect(() => {
    const update = drawUnits(unitShapes, units.current, { cooling, racks, layout, catalog, selection });
    units.current = update.drawn;
    // An empty mesh would still cost a draw call.
    if (unitMesh.current) unitMesh.current.visible = unitShapes.count > 0;
    if (update.written) invalidate();
  }, [unitShapes, cooling, racks, layout, catalog, selection, invalidate]);

  useLayoutEffect(() => {
    const update = drawAisles(aisleShapes, aisles.current, { containments, racks, layout, catalog, selection });
    aisles.current = update.drawn;
    if (aisleMesh.current) aisleMesh.current.visible = aisleShapes.count > 0;
    if (update.written) invalidate();
  }, [aisleShapes, containments, racks, layout, catalog, selection, invalidate]);

  const clicked = (e: ThreeEvent<MouseEvent>, shapes: MergedShapes): number | null => {
    if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0 || e.faceIndex === undefined || e.faceIndex === null)
      return null;
    return shapes.itemOf(e.faceIndex);
  };
  const onUnitClick = (e: ThreeEvent<MouseEvent>) => {
    const i = clicked(e, unitShapes);
    const unit = i === null ? undefined : cooling[i];
    const hallId = unit ? unitHall(racks)(unit) : null;
    if (!unit || hallId === null) return;
    e.stopPropagation();
    onPick(hallId, unit.id);
  };
  const onAisleClick = (e: ThreeEvent<MouseEvent>) => {
    const i = clicked(e, aisleShapes);
    const containment = i === null ? undefined : containments[Math.floor(i / PANELS)];
    if (!containment) return;
    e.stopPropagation();
    onPick(containment.hallId, containment.id);
  };

  return (
    <>
      <mesh
        name="site-cooling"
        ref={unitMesh}
        geometry={unitShapes.geometry}
        material={UNIT_MATERIAL}
        onClick={onUnitClick}
        frustumCulled={false}
        // The copies' matrices and colours, for the GLB export (sceneExport.ts), which writes a node per unit.
        userData={{ shapes: unitShapes }}
      />
      <mesh
        name="site-containment"
        ref={aisleMesh}
        geometry={aisleShapes.geometry}
        material={AISLE_MATERIAL}
        onClick={onAisleClick}
        frustumCulled={false}
        userData={{ shapes: aisleShapes }}
      />
    </>
  );
}
