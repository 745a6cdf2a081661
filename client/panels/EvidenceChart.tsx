import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatFixed } from '../format/units';
import { formatWallMinute, wallTime, zonedDateForUplot } from '../format/zonedTime';

interface Props {
  readonly data: AlignedData;
  readonly timeZone: string;
  readonly xLabel: string;
  /** Labels of the value, limit and (balance only) lower-limit series. */
  readonly seriesLabels: readonly string[];
  readonly yLabel: string;
  /** Shade the band between the limit and the lower limit (the balance tolerance). */
  readonly band: boolean;
  readonly width: number;
  readonly height: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function buildOptions(p: Omit<Props, 'data'>): Options {
  const axis = { stroke: '#9fb6d1', grid: { stroke: 'rgba(120,160,210,0.15)', width: 1 } };
  const value = (_u: uPlot, v: number | null) => (v === null ? '—' : formatFixed(v, 1));
  const [valueLabel = '', limitLabel = '', lowerLabel = ''] = p.seriesLabels;
  return {
    width: p.width,
    height: p.height,
    tzDate: (ts) => zonedDateForUplot(ts, p.timeZone),
    scales: { x: { time: true } },
    axes: [
      {
        ...axis,
        // Midnight ticks carry the date, the others the time; the caption above the chart
        // names the whole span, so no tick needs a label wider than the spacing allows.
        space: 56,
        values: (_u, splits) =>
          splits.map((s) => {
            const w = wallTime(s * 1000, p.timeZone);
            if (w.hour === 0 && w.minute === 0) return `${pad(w.month)}-${pad(w.day)}`;
            return `${pad(w.hour)}:${pad(w.minute)}`;
          }),
        ticks: { stroke: '#31507a' },
      },
      {
        ...axis,
        size: 48,
        // Only the unit: the series' name is in the legend, and a long name would be clipped.
        label: p.yLabel,
        labelSize: 16,
        values: (_u, splits) => splits.map((v) => formatFixed(v, Number.isInteger(v) ? 0 : 1)),
      },
    ],
    cursor: { points: { show: false } },
    legend: { show: true },
    ...(p.band
      ? { bands: [{ series: [2, 3] as [number, number], fill: 'rgba(160,180,200,0.18)' }] }
      : {}),
    series: [
      {
        label: p.xLabel,
        value: (_u, v) => (v === null ? '—' : formatWallMinute(v * 1000, p.timeZone)),
      },
      {
        label: valueLabel,
        stroke: '#ff7a3d',
        width: 2,
        points: { show: true, size: 5, fill: '#ff7a3d' },
        value,
      },
      {
        label: limitLabel,
        stroke: '#9fb6d1',
        width: 1,
        dash: [6, 4],
        points: { show: false },
        value,
      },
      ...(p.band
        ? [
            {
              label: lowerLabel,
              stroke: '#9fb6d1',
              width: 1,
              dash: [6, 4],
              points: { show: false },
              value,
            },
          ]
        : []),
    ],
  };
}

/** A uPlot line chart of an alert's evidence against its limit (and tolerance band). */
export function EvidenceChart(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const { data, timeZone, xLabel, seriesLabels, yLabel, band, width, height } = props;
  const labelsKey = seriesLabels.join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: labelsKey stands for seriesLabels.
  useEffect(() => {
    if (!host.current) return;
    const u = new uPlot(
      buildOptions({ timeZone, xLabel, seriesLabels, yLabel, band, width, height }),
      data,
      host.current,
    );
    return () => u.destroy();
  }, [data, timeZone, xLabel, labelsKey, yLabel, band, width, height]);

  return <div ref={host} className="uplot-host" />;
}
