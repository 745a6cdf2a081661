import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { settingsPanelStore, useSettingsPanel } from '../lobby/settings/settingsPanelState';
import { createLogger } from '../log';
import { fetchSession, signOut } from '../net/engineerApi';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { testIds } from '../testIds';
import { importPanelStore, useImportPanel } from './importPanelState';
import { SignInForm } from './SignInForm';

const log = createLogger('engineer');

/**
 * 工程师登录 in the top bar; once signed in, 已登录 with the 数据质量 and 导入数据 toggles and 退出.
 * Viewing needs no sign-in: only pages and actions that change data do.
 */
export function EngineerControl() {
  const t = useT();
  const session = useEngineer((s) => s.session);
  const qualityOpen = useEngineer((s) => s.qualityOpen);
  const importOpen = useImportPanel((s) => s.open);
  const settingsOpen = useSettingsPanel((s) => s.open);
  const [formOpen, setFormOpen] = useState(false);

  // Ask once whether this browser already holds a session (the cookie is httpOnly).
  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal)
      .then((answer) => engineerStore.getState().setEngineer(answer.engineer))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('session check failed', { message: String(err) });
        engineerStore.getState().setEngineer(false);
      });
    return () => controller.abort();
  }, []);

  const leave = () => {
    signOut()
      .catch((err: unknown) => log.warn('sign-out failed', { message: String(err) }))
      .finally(() => engineerStore.getState().setEngineer(false));
  };

  return (
    <div className="engineer" data-testid={testIds.engineerSession} data-session={session}>
      {session === 'engineer' ? (
        <>
          <span className="engineer-badge" title={t('engineer.signedInTitle')}>
            <span className="engineer-dot" />
            {t('engineer.signedIn')}
          </span>
          <button
            type="button"
            className={qualityOpen ? 'chip active' : 'chip'}
            aria-pressed={qualityOpen}
            data-testid={testIds.qualityToggle}
            onClick={() => {
              engineerStore.getState().setQualityOpen(!qualityOpen);
              importPanelStore.getState().setOpen(false);
            }}
          >
            {t('quality.open')}
          </button>
          <button
            type="button"
            className={importOpen ? 'chip active' : 'chip'}
            aria-pressed={importOpen}
            data-testid={testIds.importToggle}
            onClick={() => {
              // The upload page covers the dashboard; the data-quality panel closes under it.
              importPanelStore.getState().setOpen(!importOpen);
              engineerStore.getState().setQualityOpen(false);
            }}
          >
            {t('import.open')}
          </button>
          <button
            type="button"
            className={settingsOpen ? 'chip active' : 'chip'}
            aria-pressed={settingsOpen}
            data-testid="lobby-settings-toggle"
            onClick={() => {
              settingsPanelStore.getState().setOpen(!settingsOpen);
              importPanelStore.getState().setOpen(false);
            }}
          >
            {t('settings.open')}
          </button>
          <button
            type="button"
            className="chip"
            data-testid={testIds.engineerSignOut}
            onClick={leave}
          >
            {t('engineer.signOut')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className={formOpen ? 'chip active' : 'chip'}
          aria-expanded={formOpen}
          disabled={session === 'unknown'}
          data-testid={testIds.engineerSignIn}
          onClick={() => setFormOpen(!formOpen)}
        >
          {t('engineer.signIn')}
        </button>
      )}
      {formOpen && session !== 'engineer' && <SignInForm onClose={() => setFormOpen(false)} />}
    </div>
  );
}
