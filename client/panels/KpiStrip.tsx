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
  /** The value is the "no data" text, not a figure. */
  readonly none?: boolean;
}

function Tile({ testId, label, value, unit, detail, none }: TileProps) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className={none ? 'kpi-value kpi-none' : 'kpi-value'}>
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
  // Once ticks arrive, a null figure means the whole-site meter has no data: say so, not "0".
  const noData = t('meter.noData');
  const shown = (value: number | null | undefined, text: string, unit: string) =>
    kpis !== null && value === null ? { value: noData, none: true } : { value: text, unit };

  return (
    <div className="kpi-strip">
      <Tile
        testId={testIds.kpiToday}
        label={t('kpi.today')}
        {...shown(kpis?.todayL, formatLitresAsM3(kpis?.todayL), t('unit.m3'))}
      />
      <Tile
        testId={testIds.kpiFlow}
        label={t('kpi.flow')}
        {...shown(kpis?.flowLps, formatLps(kpis?.flowLps), t('unit.Lps'))}
        {...(kpis?.flowLps === null
          ? {}
          : { detail: `${formatLpsAsM3h(kpis?.flowLps)} ${t('unit.m3h')}` })}
      />
      <Tile
        testId={testIds.kpiPerCapita}
        label={t('kpi.perCapita')}
        {...shown(
          kpis?.perCapitaTodayL,
          formatFixed(kpis?.perCapitaTodayL, 1),
          t('unit.perPerson'),
        )}
      />
      <Tile
        testId={testIds.kpiClock}
        label={t('kpi.clock')}
        value={tsMs === null ? '—' : formatWallMinute(tsMs, timeZone)}
      />
    </div>
  );
}
