/**
 * The building: floor with a grid, walls and doors. Few objects, so plain meshes. The presentation
 * look swaps the grid for raised-floor tiles and paints the walls (look/textures.ts).
 */
import { Grid } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, type Texture } from 'three';
import type { Door, Hall, Wall } from '../../shared/index';
import type { Look } from '../store/documentStore';
import { canvasTexture, CONCRETE_TILE_M, concretePixels, floorTilePixels, floorTileTransform } from './look/textures';

const WALL_COLOR = '#9aa3ad';
const DOOR_COLOR = '#d08a2c';

function WallMesh({ wall }: { wall: Wall }) {
  const dx = wall.b.x - wall.a.x;
  const dy = wall.b.y - wall.a.y;
  const length = Math.hypot(dx, dy);
  return (
    <mesh
      position={[(wall.a.x + wall.b.x) / 2, wall.height / 2, (wall.a.y + wall.b.y) / 2]}
      rotation={[0, -Math.atan2(dy, dx), 0]}
    >
      <boxGeometry args={[length + wall.thickness, wall.height, wall.thickness]} />
      <meshStandardMaterial color={WALL_COLOR} transparent opacity={0.55} />
    </mesh>
  );
}

/**
 * A wall in the presentation look: painted concrete, its texture at real scale (uv in units of
 * CONCRETE_TILE_M along the wall's length and height). See-through from the orbit views, as in
 * the engineering look, so the hall stays visible; opaque when walking inside.
 */
function PaintedWallMesh({ wall, texture, opaque }: { wall: Wall; texture: Texture; opaque: boolean }) {
  const dx = wall.b.x - wall.a.x;
  const dy = wall.b.y - wall.a.y;
  const length = Math.hypot(dx, dy);
  const geometry = useMemo(() => {
    const g = new BoxGeometry(length + wall.thickness, wall.height, wall.thickness);
    const uv = g.getAttribute('uv');
    const sx = (length + wall.thickness) / CONCRETE_TILE_M;
    const sy = wall.height / CONCRETE_TILE_M;
    for (let i = 0; i < uv.count; i++) uv.setXY(i, uv.getX(i) * sx, uv.getY(i) * sy);
    return g;
  }, [length, wall.thickness, wall.height]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh
      position={[(wall.a.x + wall.b.x) / 2, wall.height / 2, (wall.a.y + wall.b.y) / 2]}
      rotation={[0, -Math.atan2(dy, dx), 0]}
      geometry={geometry}
    >
      <meshStandardMaterial
        key={opaque ? 'opaque' : 'see-through'}
        map={texture}
        roughness={0.9}
        transparent={!opaque}
        opacity={opaque ? 1 : 0.55}
      />
    </mesh>
  );
}

/** Raised-floor tile and painted-concrete textures, made while the presentation look is on. */
function usePresentationTextures(hall: Hall, on: boolean) {
  const floor = useMemo(() => {
    if (!on) return null;
    const texture = canvasTexture(floorTilePixels(), 2);
    const { repeat, offset } = floorTileTransform(hall.width, hall.depth);
    texture.repeat.set(...repeat);
    texture.offset.set(...offset);
    return texture;
  }, [on, hall.width, hall.depth]);
  const concrete = useMemo(() => (on ? canvasTexture(concretePixels(), 2) : null), [on]);
  useEffect(() => () => floor?.dispose(), [floor]);
  useEffect(() => () => concrete?.dispose(), [concrete]);
  return { floor, concrete };
}

function DoorMesh({ door }: { door: Door }) {
  const alongX = door.rotationDeg % 180 === 0;
  return (
    <mesh position={[door.position.x, door.height / 2, door.position.y]} rotation={[0, alongX ? 0 : Math.PI / 2, 0]}>
      <boxGeometry args={[door.width, door.height, 0.45]} />
      <meshStandardMaterial color={DOOR_COLOR} />
    </mesh>
  );
}

export function HallShell({
  hall,
  walls,
  doors,
  onFloorClick,
  onFloorPointerDown,
  look = 'engineering',
  walking = false,
}: {
  hall: Hall;
  walls: Wall[];
  doors: Door[];
  onFloorClick: (e: ThreeEvent<MouseEvent>) => void;
  onFloorPointerDown?: (e: ThreeEvent<PointerEvent>) => void;
  look?: Look;
  /** Walk mode: the presentation look's walls are opaque. */
  walking?: boolean;
}) {
  const textures = usePresentationTextures(hall, look === 'presentation');
  return (
    <group>
      <mesh
        name="floor"
        rotation={[-Math.PI / 2, 0, 0]}
        position={[hall.width / 2, 0, hall.depth / 2]}
        onClick={onFloorClick}
        onPointerDown={onFloorPointerDown}
      >
        <planeGeometry args={[hall.width, hall.depth]} />
        {textures.floor ? (
          <meshStandardMaterial key="tiles" map={textures.floor} roughness={0.75} metalness={0.05} />
        ) : (
          <meshStandardMaterial key="plain" color="#d9dde2" />
        )}
      </mesh>
      {textures.floor ? null : (
        <Grid
          position={[hall.width / 2, 0.002, hall.depth / 2]}
          args={[hall.width, hall.depth]}
          cellSize={0.6}
          cellThickness={0.6}
          cellColor="#b4bcc6"
          sectionSize={6}
          sectionThickness={1.2}
          sectionColor="#7d8894"
          fadeDistance={400}
          infiniteGrid={false}
        />
      )}
      {walls.map((w) =>
        textures.concrete ? (
          <PaintedWallMesh key={w.id} wall={w} texture={textures.concrete} opaque={walking} />
        ) : (
          <WallMesh key={w.id} wall={w} />
        ),
      )}
      {doors.map((d) => (
        <DoorMesh key={d.id} door={d} />
      ))}
    </group>
  );
}
