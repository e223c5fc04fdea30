/**
 * Says, where power and cooling figures are shown, that they are the ones from before the last
 * edit while a large site's loads are worked out in the background (renderer/store/checks.ts).
 */
import { useChecks } from '../store/checks';

export function LoadsPending({ what }: { what: string }) {
  const { loadsPending } = useChecks();
  if (!loadsPending) return null;
  return (
    <p className="loads-pending" role="status" data-testid="loads-pending">
      Re-checking power and cooling after the last edit: {what} below are from before it.
    </p>
  );
}
