/**
 * Power components by id, built once per version of the document's power list: panels that look
 * components up (the inspector, which remounts per selection; the Power tab's bars) would otherwise
 * scan a campus's 22,000 components per lookup.
 */
import type { PowerComponent } from '../../shared/index';

const indexes = new WeakMap<readonly PowerComponent[], ReadonlyMap<string, PowerComponent>>();

export function powerById(power: readonly PowerComponent[]): ReadonlyMap<string, PowerComponent> {
  let index = indexes.get(power);
  if (!index) indexes.set(power, (index = new Map(power.map((p) => [p.id, p]))));
  return index;
}
