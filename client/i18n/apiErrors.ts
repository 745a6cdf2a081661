import type { MessageKey } from './index';

/**
 * The translated message for a failed engineer call, from the server's stable error code
 * (`models/errors.ts`). During sign-in `unauthorized` means a wrong token; later it means the
 * session has lapsed. An import has codes of its own: its mapping or file was refused, another
 * import is running, the body is over the limit.
 */
export function apiErrorKey(code: string, during: 'signIn' | 'action' | 'import'): MessageKey {
  if (during === 'import') {
    const key = IMPORT_ERRORS[code];
    if (key !== undefined) return key;
  }
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

const IMPORT_ERRORS: Readonly<Record<string, MessageKey>> = {
  bad_request: 'error.importRefused',
  conflict: 'error.importBusy',
  payload_too_large: 'error.importTooLarge',
};
