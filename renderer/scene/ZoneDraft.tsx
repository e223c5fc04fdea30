/** The zone being drawn: its corners so far and the outline joining them (closed when it has three). */
import { Line } from '@react-three/drei';
import { useEditor } from '../store/editor';

const DRAFT_COLOUR = '#d0309a';

export function ZoneDraft() {
  const tool = useEditor((s) => s.tool);
  if (tool.kind !== 'draw-zone' || tool.points.length === 0) return null;
  const points = tool.points.map((p) => [p.x, 0.05, p.y] as [number, number, number]);
  const outline = tool.points.length >= 3 ? [...points, points[0]!] : points;
  return (
    <group>
      {points.map((p, i) => (
        <mesh key={i} position={p} raycast={() => null}>
          <sphereGeometry args={[i === 0 ? 0.25 : 0.15, 12, 8]} />
          <meshBasicMaterial color={DRAFT_COLOUR} />
        </mesh>
      ))}
      {outline.length >= 2 ? <Line points={outline} color={DRAFT_COLOUR} lineWidth={2} /> : null}
    </group>
  );
}
