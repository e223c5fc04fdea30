/** Going into and out of the site view (docs/site-view.md). */
import { useEditor } from '../../store/editor';

/** The site view from any other view; back to the 3D view of the current hall from the site view. */
export function toggleSiteView(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'site' ? 'perspective' : 'site');
}

/** Leaves the site view for one hall's 3D view, selecting `ids` there (a rack clicked on the site). */
export function enterHall(hallId: string, ids: readonly string[] = []): void {
  const { setActiveHall, select, setView } = useEditor.getState();
  setActiveHall(hallId);
  if (ids.length > 0) select([...ids]);
  setView('perspective');
}
