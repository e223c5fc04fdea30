/**
 * The presentation look's environment map, once rendered (look/PresentationEnvironment). It is
 * not the scene's environment: only the racks' and cable trays' materials take it, for their
 * reflections. The floor, walls and ceiling are rough and large on screen, and image-based light on
 * every one of their pixels would cost more than the rest of the frame in a software renderer.
 */
import type { Texture } from 'three';
import { create } from 'zustand';

export const useEnvironmentMap = create<{ map: Texture | null }>(() => ({ map: null }));
