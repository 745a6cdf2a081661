import { useCallback, useEffect, useState } from 'react';
import { KPI_TILES, SHOW_SCENARIOS, type ShowScenario } from '../../../models/lobby';
import { useT } from '../../i18n/useT';
import { fetchLobbySettings, type ListedLink, saveLobbySettings } from '../../net/lobbyApi';
import { useEngineer } from '../../state/engineerStore';
import { useLive } from '../../state/useLive';
import { ShareLinks } from './ShareLinks';
import { settingsErrorText } from './settingsErrors';
import { settingsPanelStore, useSettingsPanel } from './settingsPanelState';
import { bodyOf, draftOf, type SettingsDraft } from './settingsText';

/** The lobby and show settings, for a signed-in engineer; mounted only while open. */
export function LobbySettingsPanel() {
  const open = useSettingsPanel((s) => s.open);
  const engineer = useEngineer((s) => s.session === 'engineer');
  useEffect(() => {
    if (!engineer) settingsPanelStore.getState().setOpen(false);
  }, [engineer]);
  return open && engineer ? <SettingsBody /> : null;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; text: string };

function SettingsBody() {
  const t = useT();
  const meters = useLive((s) => s.site?.meters ?? []);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [links, setLinks] = useState<ListedLink[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const onLinks = useCallback((listed: ListedLink[]) => setLinks(listed), []);

  useEffect(() => {
    fetchLobbySettings()
      .then(({ settings }) => setDraft(draftOf(settings)))
      .catch((err: unknown) => setStatus({ kind: 'error', text: settingsErrorText(err, t) }));
  }, [t]);

  if (!draft) return null;
  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch });
    setStatus({ kind: 'idle' });
  };
  const save = () => {
    saveLobbySettings(bodyOf(draft))
      .then(({ settings }) => {
        setDraft(draftOf(settings));
        setStatus({ kind: 'saved' });
      })
      .catch((err: unknown) => setStatus({ kind: 'error', text: settingsErrorText(err, t) }));
  };
  const area = (key: keyof SettingsDraft, label: string, rows: number) => (
    <label className="settings-field">
      <span>{label}</span>
      <textarea
        rows={rows}
        value={String(draft[key] ?? '')}
        data-testid={`settings-${key}`}
        onChange={(e) => edit({ [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section className="panel settings-panel" data-testid="lobby-settings">
      <header className="settings-head">
        <h2>{t('settings.title')}</h2>
        <a href="/lobby" target="_blank" rel="noreferrer">
          /lobby
        </a>
        <a href="/show" target="_blank" rel="noreferrer">
          /show
        </a>
        <button
          type="button"
          className="chip"
          onClick={() => settingsPanelStore.getState().setOpen(false)}
        >
          {t('settings.close')}
        </button>
      </header>
      <div className="settings-grid">
        {area('slogansZh', t('settings.slogansZh'), 4)}
        {area('slogansEn', t('settings.slogansEn'), 4)}
        <fieldset className="settings-field">
          <legend>{t('settings.tiles')}</legend>
          {KPI_TILES.map((tile) => (
            <label key={tile} className="settings-check">
              <input
                type="checkbox"
                data-testid={`settings-tile-${tile}`}
                checked={draft.tiles.includes(tile)}
                onChange={(e) =>
                  edit({
                    tiles: e.target.checked
                      ? KPI_TILES.filter((k) => k === tile || draft.tiles.includes(k))
                      : draft.tiles.filter((k) => k !== tile),
                  })
                }
              />
              {t(`lobby.tile.${tile}`)}
            </label>
          ))}
        </fieldset>
        {area('tour', t('settings.tour'), 5)}
        {area('retrofits', t('settings.retrofits'), 3)}
        {area('unmetered', t('settings.unmetered'), 1)}
        {area('steps', t('settings.showSteps'), 6)}
        <div className="settings-field">
          <label>
            <span>{t('settings.scenario')}</span>
            <select
              value={draft.scenario}
              onChange={(e) => edit({ scenario: e.target.value as ShowScenario })}
            >
              {SHOW_SCENARIOS.map((s) => (
                <option key={s} value={s}>
                  {t(`show.scenario.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('settings.leakMeter')}</span>
            <select
              value={draft.leakMeterId}
              onChange={(e) => edit({ leakMeterId: e.target.value })}
            >
              {meters.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id} · {m.serves.zh}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('settings.qrLink')}</span>
            <select
              value={draft.qrLinkId ?? ''}
              onChange={(e) => edit({ qrLinkId: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">{t('settings.qrNone')}</option>
              {links
                .filter((l) => l.revokedMs === null)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.id} · {t(`settings.page.${l.page}`)}
                  </option>
                ))}
            </select>
          </label>
        </div>
      </div>
      <div className="settings-row">
        <button type="button" className="chip active" data-testid="settings-save" onClick={save}>
          {t('settings.save')}
        </button>
        <span data-testid="settings-status" data-kind={status.kind}>
          {status.kind === 'saved'
            ? t('settings.saved')
            : status.kind === 'error'
              ? status.text
              : ''}
        </span>
      </div>
      <ShareLinks onChange={onLinks} />
    </section>
  );
}
