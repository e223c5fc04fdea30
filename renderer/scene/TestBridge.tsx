/**
 * Exposes read-only helpers to end-to-end tests: the store's state and where a plan point lands
 * on screen. Tests click and drag with the real mouse; this only tells them where to aim.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { useEditor } from '../store/editor';
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
}

declare global {
  interface Window {
    __hallwright?: TestBridge;
  }
}

export function TestBridgeInstaller() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
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
    };
  }, [camera, gl, toFloor]);
  return null;
}
