import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatFixed } from '../format/units';
import { formatWallMinute, wallTime, zonedDateForUplot } from '../format/zonedTime';

interface Props {
  readonly data: AlignedData;
  /** Visible x range, epoch seconds. */
  readonly fromS: number;
  readonly toS: number;
  readonly timeZone: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Axis tick text in building time: hours within a day, dates at midnight or on long ranges. */
function axisValues(timeZone: string, longRange: boolean) {
  return (_u: uPlot, splits: number[]) =>
    splits.map((s) => {
      const w = wallTime(s * 1000, timeZone);
      const date = `${pad(w.month)}-${pad(w.day)}`;
      if (longRange) return date;
      return w.hour === 0 && w.minute === 0 ? date : `${pad(w.hour)}:${pad(w.minute)}`;
    });
}

interface OptionInputs {
  readonly timeZone: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  readonly longRange: boolean;
  /** Read at every rescale, so a new window needs no rebuild. */
  readonly xRange: { current: [number, number] };
}

// Bars start at the bucket start (align 1): a bucket covers [tsMs, tsMs + 1 h).
const barPaths = uPlot.paths.bars?.({ size: [0.8, 40], align: 1 });

function buildOptions(p: OptionInputs): Options {
  const { longRange } = p;
  const axis = { stroke: '#9fb6d1', grid: { stroke: 'rgba(120,160,210,0.15)', width: 1 } };
  return {
    width: p.width,
    height: p.height,
    tzDate: (ts) => zonedDateForUplot(ts, p.timeZone),
    scales: {
      x: { time: true, range: () => p.xRange.current },
      // At least 10 L tall, so an idle meter's axis reads 0…10 instead of repeating 0 and 1.
      y: { range: (_u, _min, max) => [0, Math.max(10, (max ?? 0) * 1.1)] },
    },
    axes: [
      { ...axis, values: axisValues(p.timeZone, longRange), ticks: { stroke: '#31507a' } },
      {
        ...axis,
        size: 56,
        values: (_u, splits) => splits.map((v) => formatFixed(v, Number.isInteger(v) ? 0 : 1)),
      },
    ],
    cursor: { points: { show: false } },
    legend: { show: true },
    series: [
      {
        label: p.xLabel,
        value: (_u, v) => (v === null ? '—' : formatWallMinute(v * 1000, p.timeZone)),
      },
      {
        label: p.yLabel,
        stroke: '#5fb8ff',
        fill: 'rgba(64,160,255,0.55)',
        width: 1,
        ...(barPaths ? { paths: barPaths } : {}),
        points: { show: false },
        value: (_u, v) => (v === null ? '—' : formatFixed(v, 1)),
      },
    ],
  };
}

/**
 * A uPlot bar chart of hourly volumes. The plot is rebuilt when its look changes (language,
 * zone, short or long range, size) and only fed new data and a new window otherwise.
 */
export function UplotChart({ data, fromS, toS, timeZone, xLabel, yLabel, width, height }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const xRange = useRef<[number, number]>([fromS, toS]);
  xRange.current = [fromS, toS];
  const dataRef = useRef(data);
  dataRef.current = data;
  const longRange = toS - fromS > 2 * 86_400;

  useEffect(() => {
    if (!host.current) return;
    const options = buildOptions({ timeZone, xLabel, yLabel, width, height, longRange, xRange });
    const u = new uPlot(options, dataRef.current, host.current);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [timeZone, xLabel, yLabel, width, height, longRange]);

  useEffect(() => {
    plot.current?.setData(data, true);
  }, [data]);

  return <div ref={host} className="uplot-host" />;
}
