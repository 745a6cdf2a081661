import type { MessageKey } from './index';

/**
 * The translated message for a failed engineer call, from the server's stable error code
 * (`models/errors.ts`). During sign-in `unauthorized` means a wrong token; later it means the
 * session has lapsed.
 */
export function apiErrorKey(code: string, during: 'signIn' | 'action'): MessageKey {
  switch (code) {
    case 'unauthorized':
      return during === 'signIn' ? 'error.badToken' : 'error.signInRequired';
    case 'rate_limited':
      return 'error.rateLimited';
    case 'conflict':
      return 'error.conflict';
    case 'not_found':
      return 'error.notFound';
    default:
      return 'error.failed';
  }
}
