/** The building: floor with a grid, walls and doors. Few objects, so plain meshes. */
import { Grid } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import type { Door, Hall, Wall } from '../../shared/index';

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
}: {
  hall: Hall;
  walls: Wall[];
  doors: Door[];
  onFloorClick: (e: ThreeEvent<MouseEvent>) => void;
}) {
  return (
    <group>
      <mesh
        name="floor"
        rotation={[-Math.PI / 2, 0, 0]}
        position={[hall.width / 2, 0, hall.depth / 2]}
        onClick={onFloorClick}
      >
        <planeGeometry args={[hall.width, hall.depth]} />
        <meshStandardMaterial color="#d9dde2" />
      </mesh>
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
      {walls.map((w) => (
        <WallMesh key={w.id} wall={w} />
      ))}
      {doors.map((d) => (
        <DoorMesh key={d.id} door={d} />
      ))}
    </group>
  );
}
