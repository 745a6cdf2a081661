import { describe, expect, it } from 'vitest';
import { en } from './en';
import { localName, translate } from './index';
import { lobbyEn } from './lobbyEn';
import { lobbyZh } from './lobbyZh';
import { zh } from './zh';

describe('i18n', () => {
  it('has the same key set in English and Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('leaves no message empty', () => {
    for (const dict of [zh, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'conn.replay', { speed: 3600 })).toBe('回放 ×3600');
    expect(translate('en', 'conn.replay', { speed: 60 })).toBe('Replay ×60');
  });

  it('picks the site name of the language', () => {
    const name = { zh: '一层', en: 'Floor 1' };
    expect(localName(name, 'zh')).toBe('一层');
    expect(localName(name, 'en')).toBe('Floor 1');
  });
});

describe('lobby strings', () => {
  it('has the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(lobbyEn).sort()).toEqual(Object.keys(lobbyZh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(lobbyZh) as Array<keyof typeof lobbyZh>) {
      expect(placeholders(lobbyEn[key]), key).toEqual(placeholders(lobbyZh[key]));
    }
  });
});
