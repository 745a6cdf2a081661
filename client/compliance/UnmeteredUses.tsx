import { type FormEvent, useState } from 'react';
import type { KnownUnmeteredUse } from '../../models/complianceSettings';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { deleteUnmetered, type Period, postUnmetered } from './complianceApi';
import { formatM3 } from './format';
import { refusal } from './refusal';

/**
 * Known unmetered uses of the period (fire-hydrant tests, construction water): water the
 * level-1 meter saw but no level-2 meter did, for a known reason. The leak rate subtracts them
 * (domain.md §3.4); an engineer enters them with a note and removes mistaken ones.
 */
export function UnmeteredUses({
  period,
  uses,
  engineer,
  onSaved,
}: {
  readonly period: Period;
  readonly uses: readonly KnownUnmeteredUse[];
  readonly engineer: boolean;
  readonly onSaved: () => void;
}) {
  const t = useT();
  const [dateIso, setDateIso] = useState(period.to);
  const [m3, setM3] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const total = uses.reduce((s, u) => s + u.m3, 0);

  const done = () => {
    setError(null);
    onSaved();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const volume = Number(m3.trim().replace(',', '.'));
    if (m3.trim() === '' || !Number.isFinite(volume) || volume <= 0) {
      setError(t('cmp.unmetered.invalid', { value: m3 }));
      return;
    }
    postUnmetered({ dateIso, m3: volume, note })
      .then(() => {
        setM3('');
        setNote('');
        done();
      })
      .catch((err: unknown) => setError(refusal(t, err)));
  };

  return (
    <div className="cmp-settings-block" data-testid={testIds.complianceUnmetered}>
      <h3>{t('cmp.unmetered.title')}</h3>
      <p className="cmp-muted">{t('cmp.unmetered.note')}</p>
      {uses.length === 0 ? (
        <p className="cmp-muted">{t('cmp.unmetered.none')}</p>
      ) : (
        <table className="cmp-table">
          <thead>
            <tr>
              <th>{t('cmp.unmetered.date')}</th>
              <th className="num">{t('cmp.unmetered.m3')}</th>
              <th>{t('cmp.unmetered.what')}</th>
              <th>{t('cmp.unmetered.by')}</th>
            </tr>
          </thead>
          <tbody>
            {uses.map((u) => (
              <tr key={u.id}>
                <td>{u.dateIso}</td>
                <td className="num">{formatM3(u.m3)}</td>
                <td>{u.note}</td>
                <td>
                  {u.by}{' '}
                  {engineer && (
                    <button
                      type="button"
                      className="chip no-print"
                      onClick={() =>
                        deleteUnmetered(u.id)
                          .then(done)
                          .catch((err: unknown) => setError(refusal(t, err)))
                      }
                    >
                      {t('cmp.unmetered.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            <tr className="cmp-total">
              <td>{t('cmp.unmetered.total')}</td>
              <td className="num">{formatM3(total)}</td>
              <td colSpan={2} />
            </tr>
          </tbody>
        </table>
      )}
      {engineer && (
        <form className="cmp-toolbar cmp-unmetered-form no-print" onSubmit={submit}>
          <input
            type="date"
            value={dateIso}
            min={period.from}
            max={period.to}
            aria-label={t('cmp.unmetered.date')}
            onChange={(e) => setDateIso(e.target.value)}
          />
          <input
            className="cmp-input-num"
            type="number"
            min={0}
            step={0.01}
            value={m3}
            placeholder="m³"
            aria-label={t('cmp.unmetered.m3')}
            data-testid={testIds.complianceUnmeteredM3}
            onChange={(e) => setM3(e.target.value)}
          />
          <input
            className="cmp-input-text"
            type="text"
            value={note}
            maxLength={200}
            placeholder={t('cmp.unmetered.what')}
            aria-label={t('cmp.unmetered.what')}
            data-testid={testIds.complianceUnmeteredNote}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="submit"
            className="chip active"
            data-testid={testIds.complianceUnmeteredAdd}
          >
            {t('cmp.unmetered.add')}
          </button>
        </form>
      )}
      {error && <div className="cmp-error">{error}</div>}
    </div>
  );
}
