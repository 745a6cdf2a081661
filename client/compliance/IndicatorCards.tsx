import type { ComplianceReport, Indicator } from '../../models/compliance';
import { formatFixed } from '../format/units';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { formatBar, formatIndicator, formatShare } from './format';

/** A status letter as the UI shows it: unconfirmed and derived values are labelled. */
export function StatusTag({ status }: { readonly status: string }) {
  const t = useT();
  if (status === 'U') return <span className="cmp-tag unconfirmed">{t('cmp.unconfirmed')}</span>;
  if (status === 'D') return <span className="cmp-tag derived">{t('cmp.derived')}</span>;
  return null;
}

function Verdict({ pass }: { readonly pass: boolean | null }) {
  const t = useT();
  if (pass === null) return <span className="cmp-verdict none">{t('cmp.reported')}</span>;
  return (
    <span className={pass ? 'cmp-verdict ok' : 'cmp-verdict bad'}>
      {pass ? t('cmp.pass') : t('cmp.fail')}
    </span>
  );
}

function Card({
  indicator,
  report,
}: {
  readonly indicator: Indicator;
  readonly report: ComplianceReport;
}) {
  const t = useT();
  const { bar } = indicator;
  const perCapita = indicator.id === 'perCapita';
  const c = report.perCapita;
  let detail: string;
  if (perCapita) {
    detail = t('cmp.perCapitaDetail', {
      day: formatFixed(c.lPerPersonDay, 0),
      workingDay: formatFixed(c.lPerPersonWorkingDay, 0),
      advanced: c.advancedM3PerPersonYear,
      general: c.generalM3PerPersonYear,
    });
    if (c.daysWithData < report.period.days) {
      detail += t('cmp.perCapitaCovered', { days: c.daysWithData, of: report.period.days });
    }
  } else if (
    indicator.id === 'nonConventionalShare' &&
    !report.balance.rows.some((r) => r.supply !== 'potable')
  ) {
    detail = t('cmp.nonConventionalNone');
  } else {
    detail = t('cmp.ratioDetail', {
      numerator: formatFixed(indicator.numerator, Number.isInteger(indicator.numerator) ? 0 : 2),
      denominator: formatFixed(
        indicator.denominator,
        Number.isInteger(indicator.denominator) ? 0 : 2,
      ),
    });
  }
  return (
    <div
      className="cmp-card"
      data-testid={testIds.complianceIndicator(indicator.id)}
      data-pass={indicator.pass === null ? '' : String(indicator.pass)}
      data-value={indicator.value ?? ''}
    >
      <div className="cmp-card-head">
        <span className="cmp-card-name">{t(`cmp.ind.${indicator.id}` as MessageKey)}</span>
        <Verdict pass={indicator.value === null ? null : indicator.pass} />
      </div>
      <div className="cmp-card-value">
        {indicator.value === null ? t('cmp.noData') : formatIndicator(indicator)}
        {perCapita && indicator.value !== null && <small> {t('cmp.perYear')}</small>}
      </div>
      <div className="cmp-card-detail">{detail}</div>
      {perCapita && c.grade !== null && (
        <div className="cmp-card-detail">{t(`cmp.grade.${c.grade}` as MessageKey)}</div>
      )}
      {bar && (
        <div className="cmp-card-bar" title={t('cmp.source', { source: bar.source })}>
          {t('cmp.bar', {
            op: bar.op === '>=' ? '≥' : '≤',
            value: formatBar(indicator.unit, bar.value),
          })}{' '}
          <StatusTag status={bar.status} />
        </div>
      )}
    </div>
  );
}

/** The indicators of the period with pass or fail against their bars, and leaks by month. */
export function IndicatorCards({ report }: { readonly report: ComplianceReport }) {
  const t = useT();
  return (
    <section className="cmp-section" id="cmp-indicators">
      <h2>{t('cmp.indicators.title')}</h2>
      <div className="cmp-cards">
        {report.indicators.map((i) => (
          <Card key={i.id} indicator={i} report={report} />
        ))}
      </div>
      <div className="cmp-months">
        <span className="cmp-muted">{t('cmp.leakMonths')}:</span>
        {report.leakByMonth.map((m) => (
          <span key={m.month} className="cmp-month">
            {m.month} <b>{formatShare(m.rate)}</b>
          </span>
        ))}
      </div>
    </section>
  );
}
