import { useEffect, useState } from 'react';
import type { PublicView } from '../../models/share';
import { LOCALE, localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { LobbyAlerts } from '../lobby/LobbyAlerts';
import { slogansFor } from '../lobby/LobbyApp';
import { LobbyTiles } from '../lobby/LobbyTiles';
import { requestJson } from '../net/api';
import { EquivalentsCard, SavingsCard } from '../show/ShowSteps';
import { useUi } from '../state/uiStore';
import { PublicScene } from './PublicScene';

/** How often the public view asks for fresh figures, ms. */
const REFRESH_MS = 30_000;

type Load = { kind: 'loading' } | { kind: 'ready'; view: PublicView } | { kind: 'refused' };

/**
 * The read-only public page a share link opens: the building in 3D with its flows, figures,
 * alerts in plain words and the scenario baked into the link. It reads the public endpoints
 * of its token only and has no write path at all.
 */
export function PublicApp({ token }: { readonly token: string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = t('public.title');
  }, [lang, t]);

  useEffect(() => {
    let stopped = false;
    const fetchView = () => {
      requestJson<PublicView>(`/api/v1/public/${encodeURIComponent(token)}`)
        .then((view) => !stopped && setLoad({ kind: 'ready', view }))
        .catch((err: unknown) => {
          const status = (err as { status?: number }).status;
          if (!stopped && (status === 403 || status === 410)) setLoad({ kind: 'refused' });
        });
    };
    fetchView();
    const timer = setInterval(fetchView, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [token]);

  if (load.kind !== 'ready') {
    return (
      <div className="public" data-testid="public" data-state={load.kind}>
        <div className="lobby-loading">
          {load.kind === 'refused' ? t('public.refused') : t('lobby.loading')}
        </div>
      </div>
    );
  }
  const { view } = load;
  // A show link leads with the scenario's savings; a lobby link with the live figures.
  const savings = view.savings && (
    <section className="show-card public-card" data-testid="public-savings">
      <SavingsCard savings={view.savings} />
      <EquivalentsCard savings={view.savings} />
    </section>
  );
  return (
    <div className="public" data-testid="public" data-state="ready" data-page={view.page}>
      <header className="lobby-header">
        <div className="brand-mark" aria-hidden="true" />
        <h1>{localName(view.siteName, lang)}</h1>
        <span className="lobby-status">{t('public.readOnly')}</span>
      </header>
      <main className="public-body">
        <PublicScene token={token} />
        {view.page === 'show' && savings}
        <LobbyTiles
          tiles={['today', 'month', 'perCapita', 'leakRate', 'meteringRate', 'saved']}
          kpis={view.kpis}
          current={!view.stale}
        />
        <LobbyAlerts alerts={view.alerts} timeZone={view.timeZone} />
        {view.page === 'lobby' && savings}
        <p className="public-slogan">{slogansFor(view.slogans, lang)[0]}</p>
      </main>
    </div>
  );
}
