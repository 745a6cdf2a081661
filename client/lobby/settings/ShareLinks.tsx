import { useCallback, useEffect, useState } from 'react';
import { SHOW_SCENARIOS, type ShowScenario } from '../../../models/lobby';
import { useT } from '../../i18n/useT';
import { createLogger } from '../../log';
import {
  createShareLink,
  fetchShareLinks,
  type ListedLink,
  revokeShareLink,
} from '../../net/lobbyApi';

const log = createLogger('share');

/** Public links: make one for a page and scenario, copy its address, revoke it. */
export function ShareLinks({ onChange }: { readonly onChange: (links: ListedLink[]) => void }) {
  const t = useT();
  const [links, setLinks] = useState<ListedLink[]>([]);
  const [page, setPage] = useState<'lobby' | 'show'>('show');
  const [scenario, setScenario] = useState<ShowScenario>('fixtures');

  const reload = useCallback(() => {
    fetchShareLinks()
      .then(({ links: listed }) => {
        setLinks(listed);
        onChange(listed);
      })
      .catch((err: unknown) => log.warn('listing links failed', { message: String(err) }));
  }, [onChange]);
  useEffect(reload, [reload]);

  return (
    <section className="settings-links" data-testid="share-links">
      <h3>{t('settings.links')}</h3>
      <div className="settings-row">
        <select value={page} onChange={(e) => setPage(e.target.value as 'lobby' | 'show')}>
          <option value="show">{t('settings.page.show')}</option>
          <option value="lobby">{t('settings.page.lobby')}</option>
        </select>
        <select value={scenario} onChange={(e) => setScenario(e.target.value as ShowScenario)}>
          {SHOW_SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {t(`show.scenario.${s}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="chip"
          data-testid="share-create"
          onClick={() => {
            createShareLink(page, scenario)
              .then(reload)
              .catch((err: unknown) =>
                log.warn('creating a link failed', { message: String(err) }),
              );
          }}
        >
          {t('settings.linkCreate')}
        </button>
      </div>
      <ul>
        {links.map((l) => (
          <li key={l.id} data-testid="share-link" data-revoked={l.revokedMs !== null}>
            <code>{l.url}</code> · {t(`settings.page.${l.page}`)} ·{' '}
            {t(`show.scenario.${l.scenario}`)}{' '}
            {l.revokedMs === null ? (
              <button
                type="button"
                className="chip"
                onClick={() => {
                  revokeShareLink(l.id)
                    .then(reload)
                    .catch((err: unknown) => log.warn('revoking failed', { message: String(err) }));
                }}
              >
                {t('settings.linkRevoke')}
              </button>
            ) : (
              <em>{t('settings.linkRevoked')}</em>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
