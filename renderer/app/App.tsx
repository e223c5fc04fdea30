import { Scene } from '../scene/Scene';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { MenuBar } from './MenuBar';
import { NoticeBanner } from './NoticeBanner';
import { Palette } from './Palette';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './useShortcuts';

export function App() {
  useShortcuts();
  return (
    <div className="app">
      <MenuBar />
      <NoticeBanner />
      <main className="workspace">
        <Palette />
        <div className="viewport">
          <Scene />
        </div>
        <div className="sidebar">
          <Inspector />
          <FindingsPanel />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
