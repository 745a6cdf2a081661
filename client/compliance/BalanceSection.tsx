import type {
  BalanceRow,
  ComplianceReport,
  NetworkMeter,
  WeakPoint,
} from '../../models/compliance';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { BalanceSankey } from './BalanceSankey';
import { formatM3, formatShare } from './format';

const COLUMNS = [
  'intakeM3',
  'toChildrenM3',
  'consumedM3',
  'dischargedM3',
  'reusedM3',
  'lostM3',
] as const;
const HEADERS = ['intake', 'children', 'consumed', 'discharged', 'reused', 'lost'] as const;

function WeakPoints({
  points,
  meterName,
}: {
  readonly points: readonly WeakPoint[];
  readonly meterName: (id: string) => string;
}) {
  const t = useT();
  const line = (w: WeakPoint): string => {
    const meter = meterName(w.meterId);
    switch (w.kind) {
      case 'loss':
        return t('cmp.weak.loss', { meter, m3: formatM3(w.m3), share: formatShare(w.share) });
      case 'imbalance':
        return t('cmp.weak.imbalance', { meter, m3: formatM3(w.m3) });
      case 'unmeteredUse':
        return t('cmp.weak.unmeteredUse', { meter, n: w.fixtures });
      case 'alert':
        return t('cmp.weak.alert', { meter, id: w.alertId, m3: formatM3(w.lossM3PerDay) });
      case 'estimated':
        return t('cmp.weak.estimated', { meter, n: w.intervals });
    }
  };
  return (
    <div className="cmp-weak">
      <h3>{t('cmp.weak.title')}</h3>
      {points.length === 0 ? (
        <p className="cmp-muted">{t('cmp.weak.none')}</p>
      ) : (
        <ul>
          {points.map((w) => (
            <li
              key={w.kind === 'alert' ? `alert-${w.alertId}` : `${w.kind}-${w.meterId}`}
              className={`cmp-weak-${w.kind}`}
            >
              {line(w)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The water-balance test report: the table per unit, the diagram and the weak points. */
export function BalanceSection({
  report,
  meters,
}: {
  readonly report: ComplianceReport;
  readonly meters: readonly NetworkMeter[];
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const names = new Map(meters.map((m) => [m.id, localName(m.serves, lang)]));
  const meterName = (id: string) => names.get(id) ?? id;
  const cells = (row: Pick<BalanceRow, (typeof COLUMNS)[number]>, site = false) =>
    COLUMNS.map((c) => (
      <td key={c} className="num" data-col={c} data-value={row[c]}>
        {site && c === 'toChildrenM3' ? '' : formatM3(row[c])}
      </td>
    ));
  return (
    <section className="cmp-section" id="cmp-balance">
      <h2>{t('cmp.balance.title')}</h2>
      <p className="cmp-muted">{t('cmp.balance.unitNote')}</p>
      <table className="cmp-table" data-testid={testIds.complianceBalance}>
        <thead>
          <tr>
            <th>{t('cmp.balance.meter')}</th>
            <th>{t('cmp.balance.level')}</th>
            <th>{t('cmp.balance.serves')}</th>
            {HEADERS.map((h) => (
              <th key={h} className="num">
                {t(`cmp.balance.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.balance.rows.map((r) => (
            <tr key={r.meterId} data-testid={testIds.complianceBalanceRow(r.meterId)}>
              <td>{r.meterId}</td>
              <td>{t('tree.level', { level: r.level })}</td>
              <td>
                {localName(r.serves, lang)}
                {r.supply !== 'potable' && (
                  <>
                    {' '}
                    <span className="cmp-tag reused">{t(`cmp.supply.${r.supply}`)}</span>
                  </>
                )}
              </td>
              {cells(r)}
            </tr>
          ))}
          <tr className="cmp-total">
            <td colSpan={3}>{t('cmp.balance.total')}</td>
            {cells(report.balance.total, true)}
          </tr>
        </tbody>
      </table>
      {report.balance.total.nonConventionalM3 > 0 && (
        <p className="cmp-muted" data-testid={testIds.complianceBalanceSplit}>
          {t('cmp.balance.totalSplit', {
            total: formatM3(report.balance.total.intakeM3),
            fresh: formatM3(report.balance.total.freshM3),
            reused: formatM3(report.balance.total.nonConventionalM3),
          })}
        </p>
      )}
      <h3>{t('cmp.sankey.title')}</h3>
      <BalanceSankey balance={report.balance} />
      <p className="cmp-muted">{t('cmp.sankey.note')}</p>
      <WeakPoints points={report.weakPoints} meterName={meterName} />
    </section>
  );
}
