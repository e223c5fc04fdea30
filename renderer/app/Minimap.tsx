/**
 * The plan of the hall being walked, with the walker's position and heading: a map in the corner
 * of the view so nobody gets lost in a long hall. Drawn from the document and the store's walker.
 */
import { useMemo } from 'react';
import { catalogFor, rackBox } from '../../shared/index';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { useUnits } from './units';

/** Map width in pixels; its height follows the hall's proportions. */
const WIDTH_PX = 220;

export function Minimap() {
  const doc = useEditor((s) => s.doc);
  const walker = useEditor((s) => s.walker);
  const hall = useEditor(activeHall);
  const { fmt } = useUnits();
  const boxes = useMemo(() => {
    if (!hall) return [];
    const catalog = catalogFor(doc);
    return doc.racks.filter((r) => r.hallId === hall.id).map((r) => ({ id: r.id, ...rackBox(r, catalog) }));
  }, [doc, hall]);
  if (!hall || !walker) return null;
  const scale = WIDTH_PX / hall.width;
  const heading = (walker.headingDeg * Math.PI) / 180;
  return (
    <div className="minimap" data-testid="minimap" aria-label="Map of the hall with your position">
      <svg width={WIDTH_PX} height={hall.depth * scale} viewBox={`0 0 ${hall.width} ${hall.depth}`} role="img">
        <title>{`${hall.name}: you are at ${fmt(walker.x, 'length', { digits: 1 })}, ${fmt(walker.y, 'length', { digits: 1 })}`}</title>
        <rect x={0} y={0} width={hall.width} height={hall.depth} className="minimap-floor" />
        {doc.walls
          .filter((w) => w.hallId === hall.id)
          .map((w) => (
            <line key={w.id} x1={w.a.x} y1={w.a.y} x2={w.b.x} y2={w.b.y} className="minimap-wall" />
          ))}
        {doc.doors
          .filter((d) => d.hallId === hall.id)
          .map((d) => (
            <circle key={d.id} cx={d.position.x} cy={d.position.y} r={d.width / 2} className="minimap-door" />
          ))}
        {boxes.map((b) => (
          <rect
            key={b.id}
            x={b.minX}
            y={b.minY}
            width={b.maxX - b.minX}
            height={b.maxY - b.minY}
            className="minimap-rack"
          />
        ))}
        <line
          x1={walker.x}
          y1={walker.y}
          x2={walker.x + 2.5 * Math.cos(heading)}
          y2={walker.y + 2.5 * Math.sin(heading)}
          className="minimap-heading"
        />
        <circle cx={walker.x} cy={walker.y} r={0.8} className="minimap-walker" data-testid="minimap-walker" />
      </svg>
    </div>
  );
}
