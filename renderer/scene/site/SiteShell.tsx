/**
 * The site's buildings as three merged meshes (siteShell.ts): floors and yards, walls, doors.
 * A click on a hall's floor goes into that hall.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { Door, Hall, Wall } from '../../../shared/index';
import type { SiteLayout } from './siteLayout';
import { siteShellArrays, type MeshArrays } from './siteShell';

/** The hall view's wall and door colours (HallShell.tsx). */
const WALL_COLOR = '#9aa3ad';
const DOOR_COLOR = '#d08a2c';
const CLICK_TOLERANCE_PX = 4;

function toGeometry(a: MeshArrays): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(a.positions, 3));
  g.setAttribute('normal', new BufferAttribute(a.normals, 3));
  if (a.colours) g.setAttribute('color', new BufferAttribute(a.colours, 3));
  g.setIndex(new BufferAttribute(a.indices, 1));
  g.computeBoundingSphere();
  return g;
}

/** The hall whose floor holds site point (x, y), if any. */
export function hallAt(halls: readonly Hall[], layout: SiteLayout, x: number, y: number): Hall | undefined {
  return halls.find((h) => {
    const o = layout.halls.get(h.id);
    return o !== undefined && x >= o.x && x <= o.x + h.width && y >= o.y && y <= o.y + h.depth;
  });
}

export function SiteShell({
  halls,
  walls,
  doors,
  layout,
  onHallClick,
}: {
  halls: readonly Hall[];
  walls: readonly Wall[];
  doors: readonly Door[];
  layout: SiteLayout;
  onHallClick: (hall: Hall) => void;
}) {
  const geometries = useMemo(() => {
    const arrays = siteShellArrays(halls, walls, doors, layout);
    return { floors: toGeometry(arrays.floors), walls: toGeometry(arrays.walls), doors: toGeometry(arrays.doors) };
  }, [halls, walls, doors, layout]);
  useEffect(
    () => () => {
      geometries.floors.dispose();
      geometries.walls.dispose();
      geometries.doors.dispose();
    },
    [geometries],
  );

  const onFloorClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0) return;
    const hall = hallAt(halls, layout, e.point.x, e.point.z);
    if (!hall) return;
    e.stopPropagation();
    onHallClick(hall);
  };

  return (
    <group name="site-shell">
      <mesh name="site-floors" geometry={geometries.floors} onClick={onFloorClick}>
        <meshStandardMaterial vertexColors />
      </mesh>
      {/* See-through, as in the hall view, so the racks inside show from above. */}
      <mesh name="site-walls" geometry={geometries.walls} raycast={() => null}>
        <meshStandardMaterial color={WALL_COLOR} transparent opacity={0.55} depthWrite={false} />
      </mesh>
      <mesh name="site-doors" geometry={geometries.doors} raycast={() => null}>
        <meshStandardMaterial color={DOOR_COLOR} />
      </mesh>
    </group>
  );
}
