import { useMemo } from 'react';
import { formatFixed } from '../format/units';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { METER_LOOK } from '../scene/meterStyle';
import { siteIndex } from '../state/siteIndex';
import { type ChartRange, uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { toChartData, totalVolumeL } from './chartData';
import { MeterHealthLine } from './MeterHealthLine';
import { UplotChart } from './UplotChart';
import { useMeterSeries } from './useMeterSeries';

const CHART_WIDTH_PX = 520;
const CHART_HEIGHT_PX = 210;

/** The selected meter's hourly use over the last 24 h or 7 days of twin time. */
export function MeterChartPanel() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const meterId = useUi((s) => s.selectedMeterId);
  const range = useUi((s) => s.chartRange);
  const site = useLive((s) => s.site);
  const series = useMeterSeries(meterId, range);
  const data = useMemo(() => toChartData(series.points), [series.points]);
  const entry = site && meterId ? siteIndex(site).meters.get(meterId) : undefined;
  if (!site || !meterId || !entry) return null;

  const level = entry.meter.level;
  const total = totalVolumeL(series.points);
  const hasValues = total !== null;
  const state = series.status === 'ready' && !hasValues ? 'empty' : series.status;
  const rangeButton = (value: ChartRange, testId: string, label: string) => (
    <button
      type="button"
      className={range === value ? 'chip active' : 'chip'}
      aria-pressed={range === value}
      data-testid={testId}
      onClick={() => uiStore.getState().setChartRange(value)}
    >
      {label}
    </button>
  );

  return (
    <section
      className="panel chart-panel"
      data-testid={testIds.meterChart}
      data-meter-id={meterId}
      data-state={state}
      data-range={range}
    >
      <header className="chart-header">
        <span className="tree-dot" style={{ background: METER_LOOK[level].color }} />
        <div className="chart-titles">
          <h2 className="panel-title">{localName(entry.meter.serves, lang)}</h2>
          <div className="muted">
            {t('chart.title')} · {t('tree.level', { level })} · {entry.meter.serial}
          </div>
        </div>
        <div className="chart-controls">
          {rangeButton('24h', testIds.chartRange24h, t('chart.range24h'))}
          {rangeButton('7d', testIds.chartRange7d, t('chart.range7d'))}
          <button
            type="button"
            className="icon-button"
            data-testid={testIds.chartClose}
            aria-label={t('chart.close')}
            title={t('chart.close')}
            onClick={() => uiStore.getState().selectMeter(null)}
          >
            ×
          </button>
        </div>
      </header>
      <MeterHealthLine meterId={meterId} timeZone={site.timeZone} />
      <div className="chart-body">
        {series.status !== 'idle' && (
          <UplotChart
            data={data}
            fromS={series.fromMs / 1000}
            toS={series.toMs / 1000}
            timeZone={site.timeZone}
            xLabel={t('chart.time')}
            yLabel={t('chart.volume')}
            width={CHART_WIDTH_PX}
            height={CHART_HEIGHT_PX}
          />
        )}
        {state !== 'ready' && (
          <div className="chart-overlay">
            {state === 'error'
              ? t('chart.error')
              : state === 'empty'
                ? t('chart.empty')
                : t('chart.loading')}
          </div>
        )}
      </div>
      {hasValues && (
        <div className="chart-footer muted">
          {t('chart.total')} {formatFixed(total / 1000, 2)} {t('unit.m3')}
        </div>
      )}
    </section>
  );
}
