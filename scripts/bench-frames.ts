/**
 * `npm run bench:frames`: frame times of the 3D view in Debian's Chromium (WebGL on SwiftShader
 * here, a GPU elsewhere) for the sample and a synthetic site, in the engineering and presentation
 * looks, printed as a table. Measured, never asserted: machines differ. It serves the built
 * renderer (run after `vite build`; the npm script does both) with Vite's preview server.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { buildSampleFacility, serializeProject, type ProjectDocument } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import type {} from '../renderer/scene/TestBridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const PORT = 4181;
const FRAMES = 40;

type Look = 'engineering' | 'presentation';

async function main(): Promise<void> {
  const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Record<string, string | number>[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The renderer's heap, after a collection, from Chrome's own counters (DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Number(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6).toFixed(1));
    };
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(() => window.__hallwright !== undefined);
    const sites: [string, ProjectDocument][] = [
      ['sample', buildSampleFacility()],
      ['stress 10,000 (first hall drawn)', buildStressSite(10_000)],
    ];
    for (const [name, doc] of sites) {
      const text = serializeProject(doc);
      await page.evaluate(
        (t) => window.__hallwright!.state().load(JSON.parse(t), { name: 'bench', handle: null }),
        text,
      );
      for (const look of ['engineering', 'presentation'] as Look[]) {
        const applied = await page.evaluate((l) => {
          const state = window.__hallwright!.state() as unknown as { setLook?: (look: string) => void };
          if (!state.setLook) return false;
          state.setLook(l);
          return true;
        }, look);
        if (!applied && look === 'presentation') {
          rows.push({ site: name, look, note: 'this build has no presentation look' });
          continue;
        }
        // Let the scene settle (textures, contact shadows), then time back-to-back renders.
        await page.waitForTimeout(1_500);
        const racks = await page.evaluate(() => {
          const s = window.__hallwright!.state();
          const hall = s.doc.halls[0]?.id;
          return s.doc.racks.filter((r) => r.hallId === hall).length;
        });
        const t = await page.evaluate((n) => window.__hallwright!.renderTimes(n), FRAMES);
        rows.push({
          site: name,
          look,
          'racks drawn': racks,
          'median ms': Number(t.medianMs.toFixed(1)),
          'p95 ms': Number(t.p95Ms.toFixed(1)),
          fps: Number((1_000 / t.medianMs).toFixed(1)),
          'draw calls': t.drawCalls,
          triangles: t.triangles,
          'heap MB': await heapMb(),
        });
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  console.log(`Frame times, ${FRAMES} frames each, 1400 × 900 window, ${CHROMIUM_PATH}:`);
  console.table(rows);
}

await main();
