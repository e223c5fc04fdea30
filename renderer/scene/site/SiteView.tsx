/**
 * The site view (docs/site-view.md): every hall of the site, laid out by building (siteLayout.ts),
 * with every rack, cooling unit and contained aisle, in a handful of draw calls: three merged
 * meshes for the buildings, one instanced mesh for the racks, one for the cooling units and one
 * for the containment, whatever the number of halls, racks and units. Racks are coloured as in the
 * hall view (by type with errors, by power, by cooling, or by a failure being simulated), hall by
 * hall (siteTints.ts). A click on a rack, a unit or an aisle selects it and goes into its hall; a
 * click on a hall's floor goes into that hall.
 */
import { Html, OrbitControls, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { MOUSE } from 'three';
import { catalogFor, type Rack } from '../../../shared/index';
import { useChecks, useSimulation } from '../../store/checks';
import { useEditor } from '../../store/editor';
import { stopHighlight } from '../../store/stopHighlight';
import { rackIndexFor } from '../hallIndex';
import { downstreamOf, errorEntitiesOf } from '../rackTints';
import { enterHall } from './siteActions';
import { SiteCooling } from './SiteCooling';
import { siteLayoutFor } from './siteLayout';
import { SiteRacks } from './SiteRacks';
import { SiteShell } from './SiteShell';
import type { TintInputs } from './siteTints';

const HALL_LABEL = {
  font: '11px system-ui, sans-serif',
  color: '#1f2933',
  background: 'rgba(255, 255, 255, 0.75)',
  padding: '1px 4px',
  borderRadius: 3,
  whiteSpace: 'nowrap',
} as const;
const BUILDING_LABEL = {
  ...HALL_LABEL,
  font: '600 12px system-ui, sans-serif',
  background: 'rgba(238, 241, 244, 0.9)',
};

/** Hall names are drawn while there are at most this many halls; past it they would cover the view. */
const MAX_HALL_LABELS = 60;

/** The site view's field of view, degrees (vertical), as the hall view's. */
const FOV_DEG = 45;

export function SiteCameras() {
  const halls = useEditor((s) => s.doc.halls);
  const buildings = useEditor((s) => s.doc.buildings);
  const size = useThree((s) => s.size);
  const layout = siteLayoutFor({ halls, buildings });
  // Look at the middle of the site from the south at 45° above it, far enough back that the sphere
  // around the site (radius r, half its diagonal) fits the narrower half-angle of view: distance =
  // r / sin(half-angle), the horizontal half-angle being atan(tan(vertical half-angle) × aspect).
  const radius = Math.max(10, Math.hypot(layout.width, layout.depth) / 2);
  const half = (FOV_DEG / 2) * (Math.PI / 180);
  const aspect = size.height > 0 ? size.width / size.height : 1;
  const distance = radius / Math.sin(Math.min(half, Math.atan(Math.tan(half) * aspect)));
  const target: [number, number, number] = [layout.width / 2, 0, layout.depth / 2];
  const along = distance * Math.SQRT1_2;
  return (
    <>
      <PerspectiveCamera
        makeDefault
        fov={FOV_DEG}
        near={0.5}
        far={distance * 4}
        position={[target[0], along, target[2] + along]}
      />
      <OrbitControls
        key="site"
        makeDefault
        target={target}
        maxPolarAngle={Math.PI / 2 - 0.02}
        mouseButtons={{ LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }}
      />
    </>
  );
}

export function SiteContent() {
  const doc = useEditor((s) => s.doc);
  const selectionList = useEditor((s) => s.selection);
  const highlight = useEditor(stopHighlight);
  const chosenColouring = useEditor((s) => s.colouring);
  const playing = useEditor((s) => s.tourPlayback !== null);
  const colouring = highlight?.kind === 'power' ? 'power' : highlight?.kind === 'thermal' ? 'cooling' : chosenColouring;
  const { findings, power, cooling } = useChecks();
  const simulation = useSimulation();
  const { halls, buildings, walls, doors, racks, containments, customDevices } = doc;
  const layout = siteLayoutFor({ halls, buildings });
  const catalog = useMemo(() => catalogFor({ customDevices }), [customDevices]);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);
  const chain = doc.power;
  const fed = useMemo(() => downstreamOf({ power: chain }, selection), [chain, selection]);
  const errorEntities = errorEntitiesOf(findings);
  // Racks by hall, kept across edits: the colours and instances of untouched halls are left as they are.
  const index = rackIndexFor(racks);
  const rows = highlight?.kind === 'rows' ? highlight.ids : null;
  const tintInputs = useMemo<TintInputs>(
    () => ({ colouring, power, cooling, errorEntities, fed, simulation, chain, rows }),
    [colouring, power, cooling, errorEntities, fed, simulation, chain, rows],
  );

  // Tours fly through one hall's coordinates: a tour that starts plays in the hall view.
  useEffect(() => {
    if (playing) useEditor.getState().setView('perspective');
  }, [playing]);

  const labels = useMemo(
    () => [
      // A building's name under its front edge, on its yard (8 m deep there: siteShell.ts), clear of the halls' names.
      ...layout.buildings.map((b) => ({
        key: `b:${b.id ?? ''}`,
        text: b.name,
        x: b.x + b.width / 2,
        y: b.y + b.depth + 4,
        building: true,
      })),
      ...(halls.length <= MAX_HALL_LABELS
        ? halls.map((h) => {
            const o = layout.halls.get(h.id) ?? { x: 0, y: 0 };
            return { key: `h:${h.id}`, text: h.name, x: o.x + h.width / 2, y: o.y + h.depth / 2, building: false };
          })
        : []),
    ],
    [layout, halls],
  );

  return (
    <>
      <SiteShell halls={halls} walls={walls} doors={doors} layout={layout} onHallClick={(hall) => enterHall(hall.id)} />
      <SiteRacks
        index={index}
        layout={layout}
        catalog={catalog}
        tintInputs={tintInputs}
        selection={selection}
        onRackClick={(rack: Rack) => enterHall(rack.hallId, [rack.id])}
      />
      <SiteCooling
        cooling={doc.cooling}
        containments={containments}
        racks={index}
        layout={layout}
        catalog={catalog}
        selection={selection}
        onPick={(hallId, id) => enterHall(hallId, [id])}
      />
      {labels.map((l) => (
        // DOM labels cost no draw calls; they let clicks through to the racks beneath.
        <Html
          key={l.key}
          position={[l.x, l.building ? 0 : 8, l.y]}
          center
          style={{ pointerEvents: 'none' }}
          zIndexRange={[10, 0]}
        >
          <span style={l.building ? BUILDING_LABEL : HALL_LABEL}>{l.text}</span>
        </Html>
      ))}
    </>
  );
}
