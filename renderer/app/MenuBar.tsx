import { useState } from 'react';
import { toggleSiteView } from '../scene/site/siteActions';
import { useEditor } from '../store/editor';
import { runMenuCommand, togglePresentation, toggleWalk } from './actions';
import { DxfImportButton } from './DxfImportDialog';
import { LookButton } from './LookButton';
import { NewHallDialog } from './NewHallDialog';
import { SceneExportDialog } from './SceneExportDialog';

export function MenuBar() {
  const canUndo = useEditor((s) => s.history.undo.length > 0);
  const canRedo = useEditor((s) => s.history.redo.length > 0);
  const undoLabel = useEditor((s) => s.history.undo.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.redo.at(-1)?.label);
  const view = useEditor((s) => s.view);
  const colouring = useEditor((s) => s.colouring);
  const fileName = useEditor((s) => s.file.name);
  const dirty = useEditor((s) => s.doc !== s.savedDoc);
  const projectName = useEditor((s) => s.doc.name);
  const [exporting, setExporting] = useState(false);
  const [addingHall, setAddingHall] = useState(false);

  return (
    <header className="menubar" role="toolbar" aria-label="Main toolbar">
      <strong className="brand">Hallwright</strong>
      <div className="group" aria-label="File">
        <button onClick={() => runMenuCommand('new')} title="New project (Ctrl+N in the app menu)">
          New
        </button>
        <button onClick={() => runMenuCommand('open')} title="Open… (Ctrl+O)">
          Open…
        </button>
        <button onClick={() => runMenuCommand('save')} title="Save (Ctrl+S)">
          Save
        </button>
        <button onClick={() => runMenuCommand('save-as')} title="Save As… (Ctrl+Shift+S)">
          Save As…
        </button>
        <button onClick={() => setExporting(true)} title="Export the 3D view as a PNG image or a GLB model">
          Export 3D…
        </button>
        {exporting ? <SceneExportDialog onClose={() => setExporting(false)} /> : null}
        <button onClick={() => setAddingHall(true)} title="Add a hall with its walls, size and floor rating">
          New hall…
        </button>
        {addingHall ? <NewHallDialog onClose={() => setAddingHall(false)} /> : null}
        <DxfImportButton />
      </div>
      <div className="group" aria-label="Edit">
        <button
          onClick={() => runMenuCommand('undo')}
          disabled={!canUndo}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          onClick={() => runMenuCommand('redo')}
          disabled={!canRedo}
          title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z / Ctrl+Y)` : 'Nothing to redo'}
        >
          Redo
        </button>
      </div>
      <div className="group" aria-label="View">
        <button
          aria-pressed={view === 'plan'}
          onClick={() => runMenuCommand('toggle-plan-view')}
          title="Toggle top-down plan view (P)"
        >
          {view === 'plan' ? 'Plan view' : '3D view'}
        </button>
        <button
          aria-pressed={view === 'site'}
          onClick={toggleSiteView}
          title="The whole site in 3D: every hall and rack; click a rack to go into its hall (S)"
        >
          Site
        </button>
        <button onClick={togglePresentation} title="Present full screen: key figures, verdicts and tours (Esc ends)">
          Present
        </button>
        <button
          aria-pressed={view === 'walk'}
          onClick={toggleWalk}
          title="Walk through the hall at eye height: W A S D or arrows to move, drag or click to look (Shift runs)"
        >
          Walk
        </button>
        <LookButton />
        <button
          aria-pressed={view === 'one-line'}
          onClick={() => runMenuCommand('toggle-one-line')}
          title="One-line diagram of the power chain (L)"
        >
          One-line
        </button>
        <button
          aria-pressed={colouring === 'power'}
          onClick={() => runMenuCommand('toggle-power-colours')}
          title="Colour racks by the worst utilisation of their circuits (U)"
        >
          Colour by power
        </button>
      </div>
      <span className="title" data-testid="document-title">
        {projectName} — {fileName}
        {dirty ? ' •' : ''}
      </span>
    </header>
  );
}
