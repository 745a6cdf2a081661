import { formatSpeed } from '../format/units';
import { LOCALE } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { connectionView } from './connectionView';

/** 实时 live / 回放 ×N replay / 重连中 reconnecting, from the socket and the server's clock. */
export function ConnectionBadge() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const connection = useLive((s) => s.connection);
  const clock = useLive((s) => s.clock);
  const view = connectionView(connection, clock?.mode ?? null);
  const label =
    view === 'replay' && clock?.mode === 'replay'
      ? t('conn.replay', { speed: formatSpeed(clock.speed, LOCALE[lang]) })
      : t(`conn.${view === 'replay' ? 'live' : view}`);

  return (
    <div
      className={`connection connection-${view}`}
      data-testid={testIds.connection}
      data-state={view}
      role="status"
      aria-live="polite"
    >
      <span className="connection-dot" />
      {label}
    </div>
  );
}
