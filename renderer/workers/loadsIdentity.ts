/**
 * How elements of the load results' arrays are matched across versions (patch.ts): findings by
 * their key, and a configuration's headroom by its hall and devices — an edit that moves a rack
 * into a new configuration inserts one, and the rest must not be resent for it.
 */
import { byIdOrKey, type Identify } from './patch';

export const loadsIdentity: Identify = (x) => {
  const own = byIdOrKey(x);
  if (own !== null || typeof x !== 'object' || x === null) return own;
  const { hallId, label } = x as { hallId?: unknown; label?: unknown };
  return typeof hallId === 'string' && typeof label === 'string' ? `h:${hallId}|${label}` : null;
};
