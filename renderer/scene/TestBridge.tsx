/**
 * Exposes read-only helpers to end-to-end tests and the frame benchmark: the store's state, where a
 * plan point lands on screen, the camera's view, and timed renders. Tests click and drag with the
 * real mouse; this only tells them where to aim.
 */
import { addAfterEffect, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { useEditor } from '../store/editor';
import { siteLayoutFor } from './site/siteLayout';
import { useFloorPoint } from './useRackDrag';
import { viewBridge, type View } from './viewBridge';

export interface TestBridge {
  state: () => ReturnType<typeof useEditor.getState>;
  /** Client-space pixel position of plan point (x, y) at height z. */
  toScreen: (x: number, y: number, z?: number) => { x: number; y: number };
  /** Plan point where a client-space pixel's ray meets the floor. */
  toFloor: (clientX: number, clientY: number) => { x: number; y: number } | null;
  /** Where the camera stands and what it looks at (world metres), as the tour panel records them. */
  view: () => View | null;
  /** Renders `frames` frames of the current scene back to back and times each (scripts/bench-frames.ts). */
  renderTimes: (frames: number) => FrameTimes;
  /**
   * Resolves with `performance.now()` just after the canvas next draws a frame (R3F's after-frame
   * hook, checked against three.js's frame counter): "edit → next frame" in scripts/bench-frames.ts.
   */
  nextFrame: () => Promise<number>;
  /** Where a hall's plan origin stands in the site view (site metres, as plan x and y); null for no such hall. */
  siteOffset: (hallId: string) => { x: number; y: number } | null;
}

export interface FrameTimes {
  /** Wall time per frame, ms, including the wait for the GPU (or SwiftShader) to finish. */
  medianMs: number;
  p95Ms: number;
  drawCalls: number;
  triangles: number;
}

declare global {
  interface Window {
    __hallwright?: TestBridge;
  }
}

export function TestBridgeInstaller() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const toFloor = useFloorPoint();
  useEffect(() => {
    window.__hallwright = {
      state: () => useEditor.getState(),
      toScreen: (x, y, z = 0) => {
        const v = new Vector3(x, z, y).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
      },
      toFloor,
      view: () => viewBridge.current?.current() ?? null,
      nextFrame: () =>
        new Promise<number>((resolve) => {
          const before = gl.info.render.frame;
          const stop = addAfterEffect(() => {
            if (gl.info.render.frame === before) return;
            stop();
            // As in renderTimes: reading a pixel back waits until the frame is drawn, not just sent.
            const context = gl.getContext();
            context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4));
            resolve(performance.now());
          });
        }),
      siteOffset: (hallId) => siteLayoutFor(useEditor.getState().doc).halls.get(hallId) ?? null,
      renderTimes: (frames) => {
        const times: number[] = [];
        const context = gl.getContext();
        const pixel = new Uint8Array(4);
        for (let i = 0; i < frames; i++) {
          const t = performance.now();
          gl.render(scene, camera);
          // Reading a pixel back waits until the frame is drawn (finish() may return early on some
          // drivers), so the time is the frame's, not the call's.
          context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, pixel);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return {
          medianMs: times[Math.floor(times.length / 2)] ?? 0,
          p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
          drawCalls: gl.info.render.calls,
          triangles: gl.info.render.triangles,
        };
      },
    };
  }, [camera, gl, scene, toFloor]);
  return null;
}
