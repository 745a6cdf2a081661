import { useEffect, useState } from 'react';
import { LOCALE, localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { requestJson } from '../net/api';
import { LanguageSwitch } from '../panels/LanguageSwitch';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { BalanceSection } from './BalanceSection';
import {
  type ComplianceReport,
  complianceUrls,
  type NetworkDiagram as Network,
  type Period,
  useJson,
} from './complianceApi';
import { IndicatorCards } from './IndicatorCards';
import { LedgerSection } from './LedgerSection';
import { NetworkDiagram } from './NetworkDiagram';
import { type Preset, presetPeriod, validPeriod } from './periodChoice';
import { ScorecardSection } from './ScorecardSection';
import { SettingsSection } from './SettingsSection';

const PRESETS: readonly Preset[] = ['last7', 'last30', 'thisYear'];

/**
 * 合规 at /compliance: the period's indicators, the water-balance report with its diagram,
 * the metering network diagram, the ledgers and the self-assessment, printable as one report.
 */
export function CompliancePage() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const network = useJson<Network>(complianceUrls.network());
  const [nowMs, setNowMs] = useState<number | null>(null);
  const [period, setPeriod] = useState<Period | null>(null);
  const [draft, setDraft] = useState<Period | null>(null);

  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = `${t('cmp.title')} · ${t('app.title')}`;
  }, [lang, t]);

  // The default period: the last seven whole days of twin time.
  useEffect(() => {
    requestJson<{ twinTimeMs: number | null }>('/api/v1/health')
      .then((h) => setNowMs(h.twinTimeMs ?? Date.now()))
      .catch(() => setNowMs(Date.now()));
  }, []);
  const zone = network.state === 'ready' ? network.data.timeZone : null;
  useEffect(() => {
    if (nowMs === null || zone === null || period !== null) return;
    const p = presetPeriod('last7', nowMs, zone);
    setPeriod(p);
    setDraft(p);
  }, [nowMs, zone, period]);

  // Bumped when an engineer changes a setting the report is computed with.
  const [version, setVersion] = useState(0);
  const report = useJson<ComplianceReport>(period ? complianceUrls.report(period) : null, version);
  const choose = (p: Period) => {
    setDraft(p);
    if (validPeriod(p)) setPeriod(p);
  };
  const meters = network.state === 'ready' ? network.data.meters : [];

  return (
    <div className="compliance-page" data-testid={testIds.compliancePage} data-state={report.state}>
      <header className="cmp-header">
        <a className="chip no-print" href="/">
          ← {t('cmp.back')}
        </a>
        <h1>{t('cmp.title')}</h1>
        <div className="cmp-period no-print">
          <span>{t('cmp.period')}</span>
          <label>
            {t('cmp.from')}{' '}
            <input
              type="date"
              value={draft?.from ?? ''}
              data-testid={testIds.complianceFrom}
              onChange={(e) => draft && choose({ ...draft, from: e.target.value })}
            />
          </label>
          <label>
            {t('cmp.to')}{' '}
            <input
              type="date"
              value={draft?.to ?? ''}
              data-testid={testIds.complianceTo}
              onChange={(e) => draft && choose({ ...draft, to: e.target.value })}
            />
          </label>
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="chip"
              disabled={nowMs === null || zone === null}
              onClick={() =>
                nowMs !== null && zone !== null && choose(presetPeriod(preset, nowMs, zone))
              }
            >
              {t(`cmp.${preset}`)}
            </button>
          ))}
        </div>
        <div className="cmp-actions no-print">
          {period && (
            <>
              <a
                className="chip"
                href={complianceUrls.xlsx(period, lang)}
                download
                data-testid={testIds.complianceXlsx}
              >
                {t('cmp.xlsx')}
              </a>
              <a
                className="chip"
                href={complianceUrls.csv(period, 'balance')}
                download
                data-testid={testIds.complianceCsv}
              >
                {t('cmp.csv')}
              </a>
            </>
          )}
          <button
            type="button"
            className="chip"
            data-testid={testIds.compliancePrint}
            onClick={() => window.print()}
          >
            {t('cmp.print')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      {draft && !validPeriod(draft) && <p className="cmp-error">{t('cmp.periodInvalid')}</p>}
      {report.state === 'loading' && <p className="cmp-muted cmp-pad">{t('cmp.loading')}</p>}
      {report.state === 'error' && (
        <p className="cmp-error cmp-pad">{t('cmp.error', { message: report.message })}</p>
      )}
      {report.state === 'ready' && period && (
        <main className="cmp-main">
          <p className="cmp-muted">
            {t('cmp.generated', {
              site: network.state === 'ready' ? localName(network.data.siteName, lang) : '',
              from: report.data.period.fromIso,
              to: report.data.period.toIso,
              days: report.data.period.days,
              workingDays: report.data.period.workingDays,
            })}
          </p>
          <IndicatorCards report={report.data} />
          <BalanceSection report={report.data} meters={meters} />
          <SettingsSection
            period={period}
            report={report.data}
            onChanged={() => setVersion((v) => v + 1)}
          />
          <NetworkDiagram meters={meters} />
          <LedgerSection period={period} meters={meters} />
          <ScorecardSection period={period} />
        </main>
      )}
    </div>
  );
}
