/** Containment drawn as translucent panels: a roof over the aisle and doors at both ends. */
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { DoubleSide } from 'three';
import { catalogFor, type Hall } from '../../shared/index';
import { useEditor } from '../store/editor';
import { aisleBox, racksByRow } from './containmentGeometry';
import { AISLE_TINT } from './coolingLook';
import { hallRacksOf } from './hallIndex';

const PANEL_M = 0.02;
/** As for the floor: a click that moved further than this (px) was an orbit or pan. */
const CLICK_TOLERANCE_PX = 4;

/** Selects the containment; while placing, the click goes through the panels to the floor behind. */
function onPanelClick(id: string, e: ThreeEvent<MouseEvent>) {
  if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0 || useEditor.getState().tool.kind !== 'select') return;
  e.stopPropagation();
  useEditor.getState().select([id]);
}

export function Containments({ hall }: { hall: Hall }) {
  const selection = useEditor((s) => s.selection);
  // A containment's rows are in its hall: this hall's racks suffice, and an edit elsewhere leaves them as they were.
  const racks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const containments = useEditor((s) => s.doc.containments);
  const customDevices = useEditor((s) => s.doc.customDevices);
  const boxes = useMemo(() => {
    const catalog = catalogFor({ customDevices });
    const byRow = racksByRow(racks);
    return containments
      .filter((c) => c.hallId === hall.id)
      .map((c) => ({ c, box: aisleBox({ racks }, catalog, c, byRow) }))
      .filter((x) => x.box !== null);
  }, [racks, containments, customDevices, hall.id]);

  return (
    <group name="containments">
      {boxes.map(({ c, box }) => {
        const b = box!;
        const w = b.maxX - b.minX;
        const d = b.maxY - b.minY;
        const cx = (b.minX + b.maxX) / 2;
        const cy = (b.minY + b.maxY) / 2;
        const selected = selection.includes(c.id);
        const material = (
          <meshStandardMaterial
            color={AISLE_TINT[c.type]}
            transparent
            opacity={selected ? 0.45 : 0.25}
            depthWrite={false}
            side={DoubleSide}
          />
        );
        // End doors close the aisle's two short sides.
        const ends = b.alongX
          ? [
              { x: b.minX, y: cy, w: PANEL_M, d },
              { x: b.maxX, y: cy, w: PANEL_M, d },
            ]
          : [
              { x: cx, y: b.minY, w, d: PANEL_M },
              { x: cx, y: b.maxY, w, d: PANEL_M },
            ];
        return (
          <group key={c.id} name={`containment-${c.id}`} onClick={(e) => onPanelClick(c.id, e)}>
            <mesh position={[cx, b.heightM, cy]}>
              <boxGeometry args={[w, PANEL_M, d]} />
              {material}
            </mesh>
            {ends.map((p, i) => (
              <mesh key={i} position={[p.x, b.heightM / 2, p.y]}>
                <boxGeometry args={[p.w, b.heightM, p.d]} />
                {material}
              </mesh>
            ))}
          </group>
        );
      })}
    </group>
  );
}
