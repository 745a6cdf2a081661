import { useState } from 'react';
import type { DischargeShareView } from '../../models/complianceSettings';
import { formatFixed } from '../format/units';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { patchDischargeShares } from './complianceApi';
import { StatusTag } from './IndicatorCards';
import { refusal } from './refusal';

/** A share typed in percent back to a fraction, or null when it is not 0–100. */
function parsePercent(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100 ? null : n / 100;
}

/**
 * The discharge share of each end use (the rest of its water is consumed): the value in use,
 * its default with source and status, and whether an engineer set it. Defaults still in use
 * are marked unconfirmed; an engineer edits shares in percent and saves them together.
 */
export function DischargeShares({
  shares,
  engineer,
  onSaved,
}: {
  readonly shares: readonly DischargeShareView[];
  readonly engineer: boolean;
  readonly onSaved: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const changed = Object.keys(draft).length > 0;

  const save = (patch: Record<string, number | null>) => {
    patchDischargeShares(patch)
      .then(() => {
        setDraft({});
        setError(null);
        onSaved();
      })
      .catch((err: unknown) => setError(refusal(t, err)));
  };
  const saveDraft = () => {
    const patch: Record<string, number> = {};
    for (const [category, text] of Object.entries(draft)) {
      const share = parsePercent(text);
      if (share === null) {
        const fn = t(`cmp.fn.${category}` as MessageKey);
        setError(t('cmp.share.invalid', { fn, value: text }));
        return;
      }
      patch[category] = share;
    }
    save(patch);
  };

  return (
    <div className="cmp-settings-block" data-testid={testIds.complianceShares}>
      <h3>{t('cmp.share.title')}</h3>
      <p className="cmp-muted">{t('cmp.share.note')}</p>
      <table className="cmp-table">
        <thead>
          <tr>
            <th>{t('cmp.share.fn')}</th>
            <th className="num">{t('cmp.share.value')}</th>
            <th className="num">{t('cmp.share.default')}</th>
            <th>{t('cmp.share.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.category} data-testid={testIds.complianceShare(s.category)}>
              <td>{t(`cmp.fn.${s.category}` as MessageKey)}</td>
              <td className="num">
                {engineer ? (
                  <input
                    className="cmp-input-num"
                    type="number"
                    min={0}
                    max={100}
                    step={1}
                    aria-label={t('cmp.share.value')}
                    value={draft[s.category] ?? formatFixed(s.value * 100, 0)}
                    onChange={(e) => setDraft({ ...draft, [s.category]: e.target.value })}
                  />
                ) : (
                  `${formatFixed(s.value * 100, 0)} %`
                )}
              </td>
              <td className="num">{`${formatFixed(s.defaultValue * 100, 0)} %`}</td>
              <td title={t('cmp.source', { source: s.source })}>
                {s.overridden ? (
                  <>
                    <span className="cmp-tag set">{t('cmp.share.set')}</span>{' '}
                    {engineer && (
                      <button
                        type="button"
                        className="chip no-print"
                        onClick={() => save({ [s.category]: null })}
                      >
                        {t('cmp.share.reset')}
                      </button>
                    )}
                  </>
                ) : (
                  <>
                    {t('cmp.share.isDefault')} <StatusTag status={s.status} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {engineer && (
        <div className="cmp-toolbar no-print">
          <button
            type="button"
            className="chip active"
            disabled={!changed}
            data-testid={testIds.complianceSharesSave}
            onClick={saveDraft}
          >
            {t('cmp.score.save')}
          </button>
          {changed && (
            <button type="button" className="chip" onClick={() => setDraft({})}>
              {t('cmp.score.cancel')}
            </button>
          )}
        </div>
      )}
      {error && <div className="cmp-error">{error}</div>}
    </div>
  );
}
