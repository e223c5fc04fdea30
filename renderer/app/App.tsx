import { OneLineDiagram } from '../oneline/OneLineDiagram';
import { Scene } from '../scene/Scene';
import type { SidePanel } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { BomPanel } from './BomPanel';
import { CatalogPanel } from './CatalogPanel';
import { CoolingPanel } from './CoolingPanel';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { MenuBar } from './MenuBar';
import { Minimap } from './Minimap';
import { RackElevation } from './elevation/RackElevation';
import { NoticeBanner } from './NoticeBanner';
import { RecoveryPrompt } from './RecoveryPrompt';
import { ContextMenu } from './ContextMenu';
import { LeftPanel } from './LeftPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { PresentationOverlay } from './PresentationOverlay';
import { PowerPanel } from './PowerPanel';
import { ScenariosPanel } from './ScenariosPanel';
import { SecurityPanel } from './SecurityPanel';
import { SimulationBanner } from './SimulationBanner';
import { StatusBar } from './StatusBar';
import { ThermalLegend } from './thermal/ThermalLegend';
import { ThermalPanel } from './thermal/ThermalPanel';
import { TourCaption } from './TourCaption';
import { ToursPanel } from './ToursPanel';
import { UnsavedPrompt } from './UnsavedPrompt';
import { useFileHost } from './useFileHost';
import { useShortcuts } from './useShortcuts';

const TABS: readonly { panel: SidePanel; name: string }[] = [
  { panel: 'findings', name: 'Findings' },
  { panel: 'power', name: 'Power' },
  { panel: 'cooling', name: 'Cooling' },
  { panel: 'thermal', name: 'Thermal' },
  { panel: 'security', name: 'Security' },
  { panel: 'scenarios', name: 'Scenarios' },
  { panel: 'bom', name: 'BOM' },
  { panel: 'catalog', name: 'Catalog' },
  { panel: 'tours', name: 'Tours' },
];

const PANELS: Record<SidePanel, () => React.JSX.Element> = {
  findings: FindingsPanel,
  power: PowerPanel,
  cooling: CoolingPanel,
  thermal: ThermalPanel,
  security: SecurityPanel,
  scenarios: ScenariosPanel,
  bom: BomPanel,
  catalog: CatalogPanel,
  tours: ToursPanel,
};

function SidebarTabs() {
  const panel = useEditor((s) => s.panel);
  const setPanel = useEditor((s) => s.setPanel);
  return (
    <div className="tabs wrap" role="tablist" aria-label="Checks and costs">
      {TABS.map((t) => (
        <button key={t.panel} role="tab" aria-selected={panel === t.panel} onClick={() => setPanel(t.panel)}>
          {t.name}
        </button>
      ))}
    </div>
  );
}

export function App() {
  useShortcuts();
  useFileHost();
  const oneLine = useEditor((s) => s.view === 'one-line');
  const walking = useEditor((s) => s.view === 'walk');
  const presenting = useEditor((s) => s.presenting);
  const Panel = PANELS[useEditor((s) => s.panel)];
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <MenuBar />
      <NoticeBanner />
      <RecoveryPrompt />
      <SimulationBanner />
      <main className="workspace">
        <LeftPanel />
        <div className="viewport">
          {/* The 3D scene stays mounted under the diagram so its camera survives a look at the one-line. */}
          <div className={oneLine ? 'scene-host hidden' : 'scene-host'}>
            <Scene />
          </div>
          {oneLine ? <OneLineDiagram /> : <TourCaption />}
          {walking ? <Minimap /> : null}
          {oneLine ? null : <ThermalLegend />}
          {presenting ? <PresentationOverlay /> : null}
        </div>
        <div className="sidebar">
          <Inspector />
          <SidebarTabs />
          <Panel />
        </div>
      </main>
      <StatusBar />
      <ShortcutHelp />
      <ContextMenu />
      <RackElevation />
      <UnsavedPrompt />
    </div>
  );
}
