/**
 * Says, where power and cooling figures are shown, that they are the ones from before the last
 * edit while a large site's loads are worked out in the background (renderer/store/checks.ts), or
 * that there are none yet while a large project just opened is checked for the first time.
 */
import { useChecks } from '../store/checks';

export function LoadsPending({ what }: { what: string }) {
  const { loadsPending, loadsNotYet } = useChecks();
  if (!loadsPending) return null;
  return (
    <p className="loads-pending" role="status" data-testid="loads-pending">
      {loadsNotYet
        ? `Checking power and cooling in the background: ${what} appear when it is done.`
        : `Re-checking power and cooling after the last edit: ${what} below are from before it.`}
    </p>
  );
}
