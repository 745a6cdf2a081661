import { useEffect, useMemo, useState } from 'react';
import { formatFixed } from '../format/units';
import { formatWallMinute } from '../format/zonedTime';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { METER_LOOK } from '../scene/meterStyle';
import { coversEdge } from '../scene/viewArea';
import { siteIndex } from '../state/siteIndex';
import { type ChartRange, uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { toChartData, totalVolumeL } from './chartData';
import { MeterHealthLine } from './MeterHealthLine';
import { UplotChart } from './UplotChart';
import { useMeterSeries } from './useMeterSeries';

const CHART_WIDTH_PX = 520;
/** Plot height, px: a share of the window, so a 720 px high screen keeps room for the scene. */
const chartHeightPx = (windowHeightPx: number) =>
  Math.round(Math.min(210, Math.max(130, windowHeightPx * 0.2)));

/** uPlot's legend line under the plot, px. */
const LEGEND_HEIGHT_PX = 30;

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
}

/** The selected meter's hourly use over the last 24 h or 7 days of twin time. */
export function MeterChartPanel() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const meterId = useUi((s) => s.selectedMeterId);
  const range = useUi((s) => s.chartRange);
  const site = useLive((s) => s.site);
  const online = useLive((s) => s.connection === 'live');
  const plotHeightPx = chartHeightPx(useWindowHeight());
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
      data-stale={series.stale}
      {...coversEdge('bottom')}
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
      {/* Room for the plot and its legend line before the first answer. */}
      <div className="chart-body" style={{ minHeight: plotHeightPx + LEGEND_HEIGHT_PX }}>
        {series.status !== 'idle' && (
          <UplotChart
            data={data}
            fromS={series.fromMs / 1000}
            toS={series.toMs / 1000}
            timeZone={site.timeZone}
            xLabel={t('chart.time')}
            yLabel={t('chart.volume')}
            width={CHART_WIDTH_PX}
            height={plotHeightPx}
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
      {(hasValues || series.stale) && (
        <div className="chart-footer muted">
          {series.stale && (
            <span className="chart-stale" role="status">
              {t(online ? 'chart.staleRetry' : 'chart.staleOffline')}
            </span>
          )}
          {hasValues && (
            <span className="chart-total">
              {t(range === '24h' ? 'chart.total24h' : 'chart.total7d', {
                to: formatWallMinute(series.toMs, site.timeZone),
              })}{' '}
              {formatFixed(total / 1000, 2)} {t('unit.m3')}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
