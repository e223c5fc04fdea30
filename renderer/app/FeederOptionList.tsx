/** The options of a feeder list (feederOptions.ts): the feeders listed, then, where some are left out, one to list them all. */
import type { PowerComponent } from '../../shared/index';

/** The value of the last choice on a campus, which lists every feeder on the site. */
export const EVERY_FEEDER = '\u0000every';

export function FeederOptionList({ listed, total }: { listed: readonly PowerComponent[]; total: number }) {
  return (
    <>
      {listed.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      {listed.length < total ? <option value={EVERY_FEEDER}>Every feeder on the site ({total})…</option> : null}
    </>
  );
}
