import { describe, expect, it } from 'vitest';
import { createEngineerStore } from './engineerStore';

describe('engineer store', () => {
  it('opens the data-quality panel for an engineer only', () => {
    const store = createEngineerStore();

    store.getState().setQualityOpen(true);
    expect(store.getState().qualityOpen).toBe(false);

    store.getState().setEngineer(true);
    store.getState().setQualityOpen(true);
    expect(store.getState()).toMatchObject({ session: 'engineer', qualityOpen: true });
  });

  it('closes engineer panels when the session ends', () => {
    const store = createEngineerStore();
    store.getState().setEngineer(true);
    store.getState().setQualityOpen(true);

    store.getState().setEngineer(false);

    expect(store.getState()).toMatchObject({ session: 'visitor', qualityOpen: false });
  });

  it('counts changes to stored data', () => {
    const store = createEngineerStore();
    store.getState().dataChanged();
    store.getState().dataChanged();
    expect(store.getState().dataVersion).toBe(2);
  });
});
