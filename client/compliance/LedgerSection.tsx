import { useState } from 'react';
import type { Ledger, LedgerRow, NetworkMeter } from '../../models/compliance';
import type { MessageKey } from '../i18n/index';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { complianceUrls, type Period, useJson } from './complianceApi';
import { formatM3 } from './format';

type By = 'meter' | 'function';

/** Rows of the pivot: one per key, with its value per date and its total. */
function pivot(rows: readonly LedgerRow[]) {
  const dates = [...new Set(rows.map((r) => r.date))];
  const byKey = new Map<string, Map<string, LedgerRow>>();
  for (const r of rows) {
    const cells = byKey.get(r.key) ?? new Map<string, LedgerRow>();
    cells.set(r.date, r);
    byKey.set(r.key, cells);
  }
  return { dates, byKey };
}

/** The usage ledgers (台账): per meter or function, per day or month, with the flags behind. */
export function LedgerSection({
  period,
  meters,
}: {
  readonly period: Period;
  readonly meters: readonly NetworkMeter[];
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [by, setBy] = useState<By>('meter');
  const [step, setStep] = useState<'day' | 'month'>('day');
  const loaded = useJson<Ledger>(complianceUrls.ledger(period, step));
  const names = new Map(meters.map((m) => [m.id, localName(m.serves, lang)]));
  const keyName = (key: string) =>
    by === 'meter' ? `${names.get(key) ?? key}` : t(`cmp.fn.${key}` as MessageKey);
  const flagText = (r: LedgerRow) =>
    Object.entries(r.flags)
      .map(([flag, n]) => `${t(`cmp.flag.${flag}` as MessageKey)} ×${n}`)
      .join('，');
  const sheet = `${by === 'meter' ? 'ledger' : 'function'}-${step}`;

  const chip = (active: boolean, label: string, onClick: () => void) => (
    <button
      type="button"
      className={active ? 'chip active' : 'chip'}
      aria-pressed={active}
      onClick={onClick}
    >
      {label}
    </button>
  );
  let body = null;
  if (loaded.state === 'ready') {
    const { dates, byKey } = pivot(by === 'meter' ? loaded.data.meters : loaded.data.functions);
    body = (
      <div className="cmp-scroll">
        <table className="cmp-table cmp-ledger">
          <thead>
            <tr>
              <th>{t('cmp.ledger.name')}</th>
              {dates.map((d) => (
                <th key={d} className="num">
                  {step === 'day' ? d.slice(5) : d}
                </th>
              ))}
              <th className="num">{t('cmp.ledger.sum')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byKey].map(([key, cells]) => {
              const values = [...cells.values()]
                .map((c) => c.m3)
                .filter((v): v is number => v !== null);
              return (
                <tr key={key}>
                  <td>{keyName(key)}</td>
                  {dates.map((d) => {
                    const cell = cells.get(d);
                    const flags = cell ? flagText(cell) : '';
                    return (
                      <td
                        key={d}
                        className={flags === '' ? 'num' : 'num flagged'}
                        title={flags === '' ? undefined : flags}
                        data-value={cell?.m3 ?? ''}
                      >
                        {formatM3(cell?.m3)}
                      </td>
                    );
                  })}
                  <td className="num">
                    <b>{values.length === 0 ? '—' : formatM3(values.reduce((a, b) => a + b, 0))}</b>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <section
      className="cmp-section"
      id="cmp-ledger"
      data-testid={testIds.complianceLedger}
      data-state={loaded.state}
    >
      <h2>{t('cmp.ledger.title')}</h2>
      <div className="cmp-toolbar">
        {chip(by === 'meter', t('cmp.ledger.byMeter'), () => setBy('meter'))}
        {chip(by === 'function', t('cmp.ledger.byFunction'), () => setBy('function'))}
        <span className="cmp-gap" />
        {chip(step === 'day', t('cmp.ledger.day'), () => setStep('day'))}
        {chip(step === 'month', t('cmp.ledger.month'), () => setStep('month'))}
        <span className="cmp-gap" />
        <a className="chip no-print" href={complianceUrls.csv(period, sheet)} download>
          {t('cmp.csv')}
        </a>
      </div>
      <p className="cmp-muted">{t('cmp.ledger.note')}</p>
      {loaded.state === 'loading' && <p className="cmp-muted">{t('cmp.loading')}</p>}
      {loaded.state === 'error' && (
        <p className="cmp-error">{t('cmp.error', { message: loaded.message })}</p>
      )}
      {body}
    </section>
  );
}
