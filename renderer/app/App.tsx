import { OneLineDiagram } from '../oneline/OneLineDiagram';
import { Scene } from '../scene/Scene';
import { useEditor } from '../store/editor';
import { CoolingPanel } from './CoolingPanel';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { MenuBar } from './MenuBar';
import { NoticeBanner } from './NoticeBanner';
import { Palette } from './Palette';
import { PowerPanel } from './PowerPanel';
import { SecurityPanel } from './SecurityPanel';
import { SimulationBanner } from './SimulationBanner';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './useShortcuts';

function SidebarTabs() {
  const panel = useEditor((s) => s.panel);
  const setPanel = useEditor((s) => s.setPanel);
  return (
    <div className="tabs" role="tablist" aria-label="Checks">
      <button role="tab" aria-selected={panel === 'findings'} onClick={() => setPanel('findings')}>
        Findings
      </button>
      <button role="tab" aria-selected={panel === 'power'} onClick={() => setPanel('power')}>
        Power
      </button>
      <button role="tab" aria-selected={panel === 'cooling'} onClick={() => setPanel('cooling')}>
        Cooling
      </button>
      <button role="tab" aria-selected={panel === 'security'} onClick={() => setPanel('security')}>
        Security
      </button>
    </div>
  );
}

export function App() {
  useShortcuts();
  const oneLine = useEditor((s) => s.view === 'one-line');
  const panel = useEditor((s) => s.panel);
  return (
    <div className="app">
      <MenuBar />
      <NoticeBanner />
      <SimulationBanner />
      <main className="workspace">
        <Palette />
        <div className="viewport">
          {/* The 3D scene stays mounted under the diagram so its camera survives a look at the one-line. */}
          <div className={oneLine ? 'scene-host hidden' : 'scene-host'}>
            <Scene />
          </div>
          {oneLine ? <OneLineDiagram /> : null}
        </div>
        <div className="sidebar">
          <Inspector />
          <SidebarTabs />
          {panel === 'findings' ? (
            <FindingsPanel />
          ) : panel === 'power' ? (
            <PowerPanel />
          ) : panel === 'cooling' ? (
            <CoolingPanel />
          ) : (
            <SecurityPanel />
          )}
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
