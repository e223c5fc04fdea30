/** Switches the 3D view between the engineering look and the presentation look (docs/presentation.md). */
import { useEditor } from '../store/editor';

export function LookButton() {
  const look = useEditor((s) => s.look);
  const presentation = look === 'presentation';
  return (
    <button
      aria-pressed={presentation}
      onClick={() => useEditor.getState().setLook(presentation ? 'engineering' : 'presentation')}
      title="Switch the 3D view between the engineering look (plain colours) and the presentation look (materials, lighting, ceiling and cable trays)"
    >
      {presentation ? 'Presentation look' : 'Engineering look'}
    </button>
  );
}
