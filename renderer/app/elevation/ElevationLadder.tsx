/**
 * The rack's front drawn as a ladder of U, top U at the top as on the rack's rails: placed devices
 * as blocks spanning their U, empty U as blanking-panel slots, and while a drag is on, the range the
 * device would take, green where it fits and red where it does not.
 */
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { uLabel, type ElevationDevice, type PlaceCheck, type RackElevation } from '../../../shared/index';
import { kW } from '../format';
import type { DragSource } from './useUDrag';

/** Height of one U on screen, px. */
export const U_PX = 14;

const KIND_NAMES = { gpu: 'GPU server', miner: 'miner', other: 'other device' } as const;

/** Top edge of U `u` (1-based from the bottom) in a ladder `uHeight` tall, px. */
const topOf = (u: number, uHeight: number) => (uHeight - u) * U_PX;

function DeviceBlock({
  device,
  uHeight,
  powerW,
  selected,
  dragged,
  onSelect,
  onGrab,
}: {
  device: ElevationDevice;
  uHeight: number;
  powerW: number;
  selected: boolean;
  dragged: boolean;
  onSelect: () => void;
  onGrab: (e: ReactPointerEvent<HTMLButtonElement>) => void;
}) {
  const top = Math.min(device.range.top, uHeight);
  const bottom = Math.max(device.range.bottom, 1);
  const classes = ['elevation-device', `kind-${device.kind}`, selected ? 'selected' : '', dragged ? 'dragged' : ''];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      data-testid={`elevation-device-${device.placementId}`}
      aria-pressed={selected}
      aria-label={`${device.name}, ${uLabel(device.range)}`}
      title={`${device.name} (${KIND_NAMES[device.kind]}${device.existing ? ', already on site' : ''}): ${uLabel(device.range)}, ${device.uHeight}U, ${kW(device.nameplateW)} nameplate, ${kW(device.typicalW)} typical, supplies on ${device.feed === 'AB' ? 'A+B' : device.feed}`}
      style={{ top: topOf(top, uHeight), height: (top - bottom + 1) * U_PX }}
      onClick={onSelect}
      onPointerDown={(e) => {
        onSelect();
        onGrab(e);
      }}
    >
      <span className="elevation-device-name">{device.name}</span>
      <span className="elevation-device-figures">
        {device.uHeight}U · {kW(powerW)}
      </span>
    </button>
  );
}

export function ElevationLadder({
  elevation,
  loadBasis,
  selectedId,
  onSelect,
  dragged,
  check,
  onGrab,
  ladderRef,
}: {
  elevation: RackElevation;
  loadBasis: 'nameplate' | 'typical';
  selectedId: string | null;
  onSelect: (placementId: string) => void;
  /** The device being dragged and where it would go, or null. */
  dragged: DragSource | null;
  check: PlaceCheck | null;
  onGrab: (source: DragSource, e: ReactPointerEvent) => void;
  ladderRef: RefObject<HTMLDivElement | null>;
}) {
  const { uHeight } = elevation;
  const free = new Set<number>();
  for (const run of elevation.free) for (let u = run.bottom; u <= run.top; u++) free.add(u);
  const shown = check && {
    top: Math.min(check.range.top, uHeight),
    bottom: Math.max(check.range.bottom, 1),
  };

  return (
    <div
      className="elevation-ladder"
      role="group"
      ref={ladderRef}
      style={{ height: uHeight * U_PX }}
      aria-label={`Front of ${elevation.rackName}, U1 at the bottom`}
    >
      {Array.from({ length: uHeight }, (_, i) => uHeight - i).map((u) => (
        <div
          key={u}
          className={free.has(u) ? 'elevation-slot blank' : 'elevation-slot'}
          data-testid={`elevation-u-${u}`}
          style={{ top: topOf(u, uHeight), height: U_PX }}
          title={free.has(u) ? `U${u}: empty, a 1U blanking panel` : `U${u}`}
        >
          <span className="elevation-u-number">{u}</span>
        </div>
      ))}
      {elevation.devices.map((d) => (
        <DeviceBlock
          key={d.placementId}
          device={d}
          uHeight={uHeight}
          powerW={loadBasis === 'nameplate' ? d.nameplateW : d.typicalW}
          selected={d.placementId === selectedId}
          dragged={dragged?.kind === 'placed' && dragged.id === d.placementId}
          onSelect={() => onSelect(d.placementId)}
          onGrab={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            // The U under the pointer within the block, counted from its bottom U.
            const fromBottom = Math.floor((rect.bottom - e.clientY) / U_PX);
            onGrab(
              {
                kind: 'placed',
                id: d.placementId,
                name: d.name,
                uHeight: d.uHeight,
                grabOffsetU: Math.min(Math.max(0, fromBottom), d.uHeight - 1),
              },
              e,
            );
          }}
        />
      ))}
      {shown && shown.top >= shown.bottom ? (
        <div
          className={check.ok ? 'elevation-target fits' : 'elevation-target refused'}
          data-testid="elevation-target"
          style={{ top: topOf(shown.top, uHeight), height: (shown.top - shown.bottom + 1) * U_PX }}
        />
      ) : null}
    </div>
  );
}
