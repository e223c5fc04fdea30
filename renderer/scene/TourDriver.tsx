/**
 * Drives the camera inside the canvas: plays the tour in the store (shared/tours/timeline.ts gives
 * the camera's position and aim at each instant), and lets the panels read and set the view
 * through viewBridge. The canvas renders on demand, so each frame of a move asks for the next.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import { frameAt, tourTimeline, type Vec3 } from '../../shared/index';
import { useEditor } from '../store/editor';
import { viewBridge, type View } from './viewBridge';

/** What the default controls (drei's OrbitControls with makeDefault) expose that a tour needs. */
interface Controls {
  target: Vector3;
  enableDamping: boolean;
  update(): void;
}

const asVec3 = (v: Vector3): Vec3 => ({ x: v.x, y: v.y, z: v.z });

export function TourDriver() {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as Controls | null;
  const invalidate = useThree((s) => s.invalidate);
  const playback = useEditor((s) => s.tourPlayback);
  const tours = useEditor((s) => s.doc.tours);
  const tour = playback ? tours.find((t) => t.id === playback.tourId) : undefined;
  const timeline = useMemo(() => (tour ? tourTimeline(tour.stops) : null), [tour]);
  const started = useRef<number | null>(null);

  useEffect(() => {
    const apply = (view: View) => {
      if (controls) {
        // Orbit damping keeps turning the camera for a while after a drag: spend that leftover turn
        // now, with damping off, so that it does not carry the camera off the stop afterwards.
        const damping = controls.enableDamping;
        controls.enableDamping = false;
        controls.update();
        camera.position.set(view.position.x, view.position.y, view.position.z);
        controls.target.set(view.target.x, view.target.y, view.target.z);
        controls.update();
        controls.enableDamping = damping;
      } else {
        camera.position.set(view.position.x, view.position.y, view.position.z);
        camera.lookAt(view.target.x, view.target.y, view.target.z);
      }
      invalidate();
    };
    viewBridge.current = {
      current: () => ({
        position: asVec3(camera.position),
        // Without orbit controls (walk mode) the camera aims 5 m ahead along its view direction.
        target: controls
          ? asVec3(controls.target)
          : asVec3(camera.getWorldDirection(new Vector3()).multiplyScalar(5).add(camera.position)),
      }),
      goTo: apply,
    };
    return () => {
      viewBridge.current = null;
    };
  }, [camera, controls, invalidate]);

  // A new play (or another tour) starts the clock again; moving on to the next stop does not.
  const run = playback?.run ?? 0;
  const playingId = playback?.tourId ?? null;
  useEffect(() => {
    started.current = null;
    if (playingId !== null) invalidate();
  }, [run, playingId, invalidate]);

  useFrame(({ clock }) => {
    if (!playback || !timeline) return;
    started.current ??= clock.elapsedTime;
    const frame = frameAt(timeline, clock.elapsedTime - started.current);
    if (!frame) return useEditor.getState().playTour(null);
    viewBridge.current?.goTo(frame);
    useEditor.getState().setTourStop(frame.stopIndex);
    if (frame.done) useEditor.getState().playTour(null);
  });
  return null;
}
