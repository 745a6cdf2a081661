import Database from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ScenarioStore } from './scenarioStore';

const rain = { name: 'Rain', rainwater: { tankM3: 20, uses: ['irrigation' as const] } };

describe('saved scenario store', () => {
  it('lists scenarios in the order first saved, an update keeping its place', () => {
    const store = new ScenarioStore(new Database(':memory:'), pino({ level: 'silent' }));

    expect(store.put('b', rain)).toBe(true);
    expect(store.put('a', { name: 'A' })).toBe(true);
    expect(store.put('b', { ...rain, name: 'Rain 2' })).toBe(false);

    expect(store.list()).toEqual([
      { id: 'b', scenario: { ...rain, name: 'Rain 2' } },
      { id: 'a', scenario: { name: 'A' } },
    ]);
    expect(store.count()).toBe(2);
  });

  it('leaves out a stored row that no longer parses, keeping the others', () => {
    const db = new Database(':memory:');
    const store = new ScenarioStore(db, pino({ level: 'silent' }));
    store.put('good', rain);
    db.prepare('INSERT INTO retrofit_scenarios (id, body) VALUES (?, ?)').run('bad', '{"tank":');
    db.prepare('INSERT INTO retrofit_scenarios (id, body) VALUES (?, ?)').run('old', '{"x":1}');

    expect(store.list()).toEqual([{ id: 'good', scenario: rain }]);
    expect(store.delete('bad')).toBe(true);
    expect(store.delete('bad')).toBe(false);
  });
});
