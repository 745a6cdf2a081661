import { type FormEvent, useState } from 'react';
import { apiErrorKey } from '../i18n/apiErrors';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { ApiCallError } from '../net/api';
import { signIn } from '../net/engineerApi';
import { engineerStore } from '../state/engineerStore';
import { testIds } from '../testIds';

const log = createLogger('engineer');

/**
 * The token field under the sign-in button. The token goes to the server once, is exchanged
 * for an httpOnly cookie, and is not kept in the page.
 */
export function SignInForm({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || token.trim() === '') return;
    setBusy(true);
    setError(null);
    signIn(token.trim())
      .then((answer) => {
        engineerStore.getState().setEngineer(answer.engineer);
        onClose();
      })
      .catch((err: unknown) => {
        const code = err instanceof ApiCallError ? err.code : 'network';
        if (code !== 'unauthorized') log.warn('sign-in failed', { code, message: String(err) });
        setError(apiErrorKey(code, 'signIn'));
        setBusy(false);
      });
  };

  return (
    <form
      className="panel signin-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <label className="signin-label" htmlFor={testIds.engineerTokenInput}>
        {t('engineer.token')}
      </label>
      <input
        id={testIds.engineerTokenInput}
        className="signin-input"
        type="password"
        autoComplete="current-password"
        spellCheck={false}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request, to type in at once
        autoFocus
        data-testid={testIds.engineerTokenInput}
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <div className="muted signin-hint">{t('engineer.tokenHint')}</div>
      {error && (
        <div className="form-error" role="alert" data-testid={testIds.engineerError}>
          {t(error)}
        </div>
      )}
      <div className="signin-buttons">
        <button type="button" className="chip" onClick={onClose}>
          {t('engineer.cancel')}
        </button>
        <button
          type="submit"
          className="chip active"
          disabled={busy || token.trim() === ''}
          data-testid={testIds.engineerSubmit}
        >
          {busy ? t('engineer.submitting') : t('engineer.submit')}
        </button>
      </div>
    </form>
  );
}
