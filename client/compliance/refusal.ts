import { apiErrorKey } from '../i18n/apiErrors';
import type { useT } from '../i18n/useT';
import { ApiCallError } from '../net/api';

/**
 * Why a compliance write was refused, for the form that made it: the server names the field,
 * the value and the rule on a bad request; other codes have translated messages.
 */
export function refusal(t: ReturnType<typeof useT>, err: unknown): string {
  const detail =
    err instanceof ApiCallError && err.code === 'bad_request'
      ? err.message
      : t(apiErrorKey(err instanceof ApiCallError ? err.code : '', 'action'));
  return t('cmp.score.refused', { detail });
}
