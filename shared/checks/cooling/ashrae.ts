/**
 * ASHRAE TC 9.9, Thermal Guidelines for Data Processing Environments, 5th ed. (2021), Table 2.1
 * (figures.md §3.2): inlet dry-bulb envelopes per class, °C. A vendor's own operating maximum
 * narrows its class (DGX H100: 5–30 °C): the limit a device is held to is the lower of the two.
 */
import type { AshraeClass, DeviceSpec } from '../../catalog';

export interface InletEnvelope {
  recommendedMinC: number;
  recommendedMaxC: number;
  allowableMinC: number;
  allowableMaxC: number;
}

export const ASHRAE_CLASSES: Record<AshraeClass, InletEnvelope> = {
  A1: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 15, allowableMaxC: 32 },
  A2: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 10, allowableMaxC: 35 },
  A3: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 5, allowableMaxC: 40 },
  A4: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 5, allowableMaxC: 45 },
  // H1 (new in 2021, high-density air-cooled): recommended 18–22 °C, allowable up to 25 °C; the
  // 5 °C lower bound is figures.md's [U] reading.
  H1: { recommendedMinC: 18, recommendedMaxC: 22, allowableMinC: 5, allowableMaxC: 25 },
};

/** The strictest envelope over a set of devices: each bound the tightest any device sets. */
export function strictestEnvelope(devices: readonly DeviceSpec[]): InletEnvelope | null {
  if (devices.length === 0) return null;
  // Bounds kept in numbers and one envelope made at the end: this runs for every rack.
  let recommendedMinC = -Infinity;
  let recommendedMaxC = Infinity;
  let allowableMinC = -Infinity;
  let allowableMaxC = Infinity;
  for (const d of devices) {
    const cls = ASHRAE_CLASSES[d.ashraeClass];
    // A vendor's maximum narrows the class's allowable, and the recommended with it.
    const allowMax = Math.min(cls.allowableMaxC, d.inletMaxC ?? Infinity);
    recommendedMinC = Math.max(recommendedMinC, cls.recommendedMinC);
    recommendedMaxC = Math.min(recommendedMaxC, Math.min(cls.recommendedMaxC, allowMax));
    allowableMinC = Math.max(allowableMinC, cls.allowableMinC);
    allowableMaxC = Math.min(allowableMaxC, allowMax);
  }
  return { recommendedMinC, recommendedMaxC, allowableMinC, allowableMaxC };
}
