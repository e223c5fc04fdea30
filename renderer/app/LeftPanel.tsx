/**
 * The left column: "Place" (the catalog palette: racks, cooling units, devices) and "Outline" (find
 * by name and the site tree), with the keyboard-shortcut help (?) at the end of its tabs. Ctrl+F
 * (`focusSearch`) opens the Outline tab.
 */
import { useEffect, useState } from 'react';
import { useEditor } from '../store/editor';
import { onSearchFocusRequest } from './EntitySearch';
import { Outliner } from './Outliner';
import { Palette } from './Palette';

type LeftTab = 'place' | 'outline';

const TABS: readonly { tab: LeftTab; name: string }[] = [
  { tab: 'place', name: 'Place' },
  { tab: 'outline', name: 'Outline' },
];

export function LeftPanel() {
  const [tab, setTab] = useState<LeftTab>('place');
  // The find box lives in the Outline tab: a focus request opens it, and the box takes focus once drawn.
  useEffect(() => onSearchFocusRequest(() => setTab('outline')), []);

  return (
    <div className="left-panel">
      <div className="tabs" role="tablist" aria-label="Place or outline">
        {TABS.map((t) => (
          <button key={t.tab} role="tab" aria-selected={tab === t.tab} onClick={() => setTab(t.tab)}>
            {t.name}
          </button>
        ))}
        <button
          className="help-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (? or F1)"
          onClick={() => useEditor.getState().setHelpOpen(true)}
        >
          ?
        </button>
      </div>
      {tab === 'place' ? <Palette /> : <Outliner />}
    </div>
  );
}
