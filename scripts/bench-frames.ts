/**
 * `npm run bench:frames` (and the second half of `npm run bench`): the engine's checks timed in
 * Chromium's V8, the app's (bench-engine-chromium.ts), then frame times of the 3D view in
 * Debian's Chromium (WebGL on SwiftShader here, a GPU elsewhere) for the sample and the stress
 * campus: the hall view in the engineering and presentation looks, the site view (every hall at
 * once), and "edit → next frame" for a one-rack move and a device taken out of a rack, made through
 * the store as a user's edit is, printed as tables. Measured, never asserted: machines differ. It
 * serves the built renderer (run after `vite build`; the npm scripts do both) with Vite's preview
 * server.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { buildSampleFacility, serializeProject, type ProjectDocument } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import type {} from '../renderer/scene/TestBridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { engineInChromium, type EngineRow } from './bench-engine-chromium';

/** Vite's preview server's port; BENCH_PORT moves it when another run holds 4181. */
const PORT = Number(process.env.BENCH_PORT ?? 4181);
const FRAMES = 40;
/** Edits timed per site, kind and view, each made and then undone (so twice this many); the table shows their median. */
const EDITS = 3;

/** Issue 10's targets on the stress campus, as scripts/bench.ts prints them. */
const TARGETS: Record<string, string> = {
  'full check': '≤ 50 ms',
  'edit → findings': '≤ 2 ms',
  'edit → findings (power)': '≤ 2 ms',
};

type Look = 'engineering' | 'presentation';
/** The hall view (the first hall, in 3D) or the site view (every hall: renderer/scene/site). */
type View = 'hall' | 'site';

const CASES: readonly { view: View; look: Look }[] = [
  { view: 'hall', look: 'engineering' },
  { view: 'hall', look: 'presentation' },
  { view: 'site', look: 'engineering' },
];

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    // A benchmark, not a test: it says what it could not measure rather than failing.
    console.log(
      `Frames not measured: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH).`,
    );
    return;
  }
  const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Record<string, string | number>[] = [];
  const edits: Record<string, string | number>[] = [];
  let engine: EngineRow[];
  try {
    // First, while nothing else has run in the browser: the engine alone, in the app's V8.
    engine = await engineInChromium(browser);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The renderer's heap, after a collection, from Chrome's own counters (DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Number(((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6).toFixed(1));
    };
    // tsx compiles this file keeping function names (esbuild's keepNames), so a named function in
    // code sent to page.evaluate calls `__name`, which only exists here: the page gets a no-op one.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(() => window.__hallwright !== undefined);
    const sites: [string, ProjectDocument][] = [
      ['sample', buildSampleFacility()],
      ['stress 10,000', buildStressSite(10_000)],
    ];
    for (const [name, doc] of sites) {
      const text = serializeProject(doc);
      await page.evaluate(
        (t) => window.__hallwright!.state().load(JSON.parse(t), { name: 'bench', handle: null }),
        text,
      );
      for (const { view, look } of CASES) {
        const applied = await page.evaluate(
          ([l, v]) => {
            const state = window.__hallwright!.state() as unknown as {
              setLook?: (look: string) => void;
              setView: (view: string) => void;
            };
            state.setView(v === 'site' ? 'site' : 'perspective');
            if (!state.setLook) return false;
            state.setLook(l!);
            return true;
          },
          [look, view],
        );
        if (!applied && look === 'presentation') {
          rows.push({ site: name, view, look, note: 'this build has no presentation look' });
          continue;
        }
        // Let the scene settle (textures, contact shadows), then time back-to-back renders.
        await page.waitForTimeout(1_500);
        const racks = await page.evaluate((v) => {
          const s = window.__hallwright!.state();
          const hall = s.doc.halls[0]?.id;
          return v === 'site' ? s.doc.racks.length : s.doc.racks.filter((r) => r.hallId === hall).length;
        }, view);
        const t = await page.evaluate((n) => window.__hallwright!.renderTimes(n), FRAMES);
        rows.push({
          site: name,
          view,
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
      // Edit → next frame, after the frames and heaps above so that the edits' history does not
      // weigh on them: a user's edit through the store (an undoable command, the checks, React,
      // the scene's update) until the canvas has drawn it. The rack is the first hall's first:
      // moved 10 mm and back in turn, so the layout stays as it was; or its last device taken
      // out and put back in turn, which changes the loads (power proof, cooling balance). For
      // those, "loads shown" is until the page shows the edited document's loads: on a site
      // worked out in the loads worker (renderer/workers/loadsClient.ts), when it stops saying
      // it is re-checking; elsewhere they come with the frame.
      for (const edit of ['rack move', 'device out and back'] as const)
        for (const view of ['hall', 'site'] as View[]) {
          await page.evaluate((v) => {
            const state = window.__hallwright!.state() as unknown as { setLook?: (look: string) => void };
            state.setLook?.('engineering');
            window.__hallwright!.state().setView(v === 'site' ? 'site' : 'perspective');
          }, view);
          await page.waitForTimeout(1_500);
          const frames: number[] = [];
          const shown: number[] = [];
          for (let i = 0; i < EDITS * 2; i++) {
            const [frame, loads] = await page.evaluate(
              async ([step, kind]) => {
                const bridge = window.__hallwright!;
                const state = bridge.state();
                const hall = state.doc.halls[0]!.id;
                const index = state.doc.racks.findIndex((r) => r.hallId === hall && r.devices.length > 0);
                const drawn = bridge.nextFrame();
                const start = performance.now();
                if (kind === 'rack move')
                  state.run({
                    label: 'Move rack',
                    recipe: (draft) => {
                      draft.racks[index]!.position.x += step % 2 === 0 ? 0.01 : -0.01;
                    },
                  });
                else if (step % 2 === 0)
                  state.run({
                    label: 'Remove device',
                    recipe: (draft) => {
                      draft.racks[index]!.devices.pop();
                    },
                  });
                else state.undo();
                const frameAt = await drawn;
                while (document.querySelector('[data-testid="status-loads-pending"]'))
                  await new Promise((resolve) => requestAnimationFrame(resolve));
                return [frameAt - start, Math.max(frameAt, performance.now()) - start];
              },
              [i, edit] as const,
            );
            frames.push(frame!);
            shown.push(loads!);
          }
          frames.sort((a, b) => a - b);
          shown.sort((a, b) => a - b);
          const median = (xs: number[]) => Number(xs[Math.floor(xs.length / 2)]!.toFixed(1));
          edits.push({
            site: name,
            edit,
            view,
            'edit → next frame, median ms': median(frames),
            'min ms': Number(frames[0]!.toFixed(1)),
            'max ms': Number(frames.at(-1)!.toFixed(1)),
            'edit → loads shown, median ms': median(shown),
          });
        }
      await page.evaluate(() => window.__hallwright!.state().setView('perspective'));
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  console.log(
    `The engine in Chromium's V8 (${browser.version()}), as the app runs it (Node 20's figures: npm run bench:engine):`,
  );
  console.table(
    engine.map((r) => ({
      site: r.site,
      what: r.what,
      'median ms': Number(r.medianMs.toFixed(1)),
      runs: r.runs,
      'target (stress)': TARGETS[r.what] ?? '',
    })),
  );
  console.log(`Frame times, ${FRAMES} frames each, 1400 × 900 window, ${CHROMIUM_PATH}:`);
  console.table(rows);
  console.log(`Edit → next frame, ${EDITS * 2} edits of each kind (median, min, max):`);
  console.table(edits);
}

await main();
