import { useCallback } from 'react';
import { useUi } from '../state/uiStore';
import { type MessageKey, translate } from './index';

/** The translate function for the current interface language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useUi((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
