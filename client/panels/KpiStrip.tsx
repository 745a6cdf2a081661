import { formatFixed, formatLitresAsM3, formatLps, formatLpsAsM3h } from '../format/units';
import { formatWallMinute } from '../format/zonedTime';
import { useT } from '../i18n/useT';
import { useLive, useThrottledLive } from '../state/useLive';
import { testIds } from '../testIds';

interface TileProps {
  readonly testId: string;
  readonly label: string;
  readonly value: string;
  readonly unit?: string;
  readonly detail?: string;
}

function Tile({ testId, label, value, unit, detail }: TileProps) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">
        {value}
        {unit && <span className="kpi-unit">{unit}</span>}
      </div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}

/** Today's use, flow now, per-capita use and the twin clock in the building's zone. */
export function KpiStrip() {
  const t = useT();
  const timeZone = useLive((s) => s.site?.timeZone ?? 'Asia/Shanghai');
  const kpis = useThrottledLive((s) => s.tick?.kpis ?? null);
  const tsMs = useThrottledLive((s) => s.tick?.tsMs ?? null);

  return (
    <div className="kpi-strip">
      <Tile
        testId={testIds.kpiToday}
        label={t('kpi.today')}
        value={formatLitresAsM3(kpis?.todayL)}
        unit={t('unit.m3')}
      />
      <Tile
        testId={testIds.kpiFlow}
        label={t('kpi.flow')}
        value={formatLps(kpis?.flowLps)}
        unit={t('unit.Lps')}
        detail={`${formatLpsAsM3h(kpis?.flowLps)} ${t('unit.m3h')}`}
      />
      <Tile
        testId={testIds.kpiPerCapita}
        label={t('kpi.perCapita')}
        value={formatFixed(kpis?.perCapitaTodayL, 1)}
        unit={t('unit.perPerson')}
      />
      <Tile
        testId={testIds.kpiClock}
        label={t('kpi.clock')}
        value={tsMs === null ? '—' : formatWallMinute(tsMs, timeZone)}
      />
    </div>
  );
}
