import { describe, expect, it } from 'vitest';
import { createUiStore } from './uiStore';

const floor3 = { buildingId: 'ob', floorId: 'ob-f3' };

describe('camera goals of the interface', () => {
  it('starts at the overview and flies to a selected meter', () => {
    const store = createUiStore();
    expect(store.getState().cameraGoal).toEqual({ kind: 'overview' });

    store.getState().selectMeter('M3-office-f2');

    expect(store.getState().cameraGoal).toEqual({ kind: 'meter', meterId: 'M3-office-f2' });
    expect(store.getState().cameraRequest).toBe(1);
  });

  it('frames a picked floor, and the whole site for all floors', () => {
    const store = createUiStore();
    store.getState().selectMeter('M3-office-f2');

    store.getState().setFloor(floor3);
    expect(store.getState().cameraGoal).toEqual({ kind: 'floor', ...floor3 });
    expect(store.getState().selectedMeterId).toBe('M3-office-f2');

    store.getState().setFloor(null);
    expect(store.getState().cameraGoal).toEqual({ kind: 'overview' });
  });

  it('goes back to the view of the floor choice when the chart closes', () => {
    const store = createUiStore();
    store.getState().setFloor(floor3);
    store.getState().selectMeter('M3-office-f3');

    store.getState().selectMeter(null);

    expect(store.getState().cameraGoal).toEqual({ kind: 'floor', ...floor3 });
  });

  it('asks again for the overview on every 全景, keeping floor and selection', () => {
    const store = createUiStore();
    store.getState().setFloor(floor3);
    store.getState().selectMeter('M1-main');
    const before = store.getState().cameraRequest;

    store.getState().resetView();
    store.getState().resetView();

    expect(store.getState().cameraGoal).toEqual({ kind: 'overview' });
    expect(store.getState().cameraRequest).toBe(before + 2);
    expect(store.getState().floor).toEqual(floor3);
    expect(store.getState().selectedMeterId).toBe('M1-main');
  });
});
