import { useEffect, useState } from 'react';
import type { TourStop } from '../../models/lobby';
import { uiStore } from '../state/uiStore';

/** Points the camera at a tour stop through the UI store, as a user's pick would. */
export function goToStop(stop: TourStop): void {
  const ui = uiStore.getState();
  if (stop.kind === 'overview') {
    ui.selectMeter(null);
    ui.setFloor(null);
  } else if (stop.kind === 'floor') {
    ui.selectMeter(null);
    ui.setFloor({ buildingId: stop.buildingId, floorId: stop.floorId });
  } else {
    ui.setFloor(null);
    ui.selectMeter(stop.meterId);
  }
}

/**
 * The lobby's camera tour: each stop for its seconds (wall time), then the next, looping.
 * Renders nothing but the current stop's number for tests (`data-tour-stop`).
 */
export function LobbyTour({ stops }: { readonly stops: readonly TourStop[] }) {
  const [index, setIndex] = useState(0);
  const key = JSON.stringify(stops);

  // A new tour (settings changed) starts from its first stop.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart only when the tour changes
  useEffect(() => setIndex(0), [key]);

  // Keyed by the tour's content, not its identity: the lobby polls its view every few
  // seconds, and each answer is a new array that must not restart the stop's timer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stops` is read through `key`
  useEffect(() => {
    const stop = stops[index % Math.max(1, stops.length)];
    if (!stop) return;
    goToStop(stop);
    const timer = setTimeout(() => setIndex((i) => (i + 1) % stops.length), stop.seconds * 1000);
    return () => clearTimeout(timer);
  }, [index, key]);

  return <div hidden data-testid="lobby-tour" data-tour-stop={index} />;
}
