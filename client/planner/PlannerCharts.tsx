import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Projection } from '../../simulations/retrofit/projection';
import type { TankSizePoint } from '../../simulations/retrofit/rainwater';
import { formatFixed } from '../format/units';
import { useT } from '../i18n/useT';

const axis = { stroke: '#9fb6d1', grid: { stroke: 'rgba(120,160,210,0.15)', width: 1 } };
const WIDTH = 330;
const HEIGHT = 170;

/** A uPlot chart whose x axis is not time, rebuilt when its look (labels) changes. */
function PlainChart({ data, options }: { data: AlignedData; options: Options }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  useEffect(() => {
    if (!host.current) return;
    const u = new uPlot(options, dataRef.current, host.current);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [options]);
  useEffect(() => {
    plot.current?.setData(data, true);
  }, [data]);
  return <div ref={host} className="uplot-host planner-chart" />;
}

// Two bars a month: now on the left of the tick, after on the right.
const barsLeft = uPlot.paths.bars?.({ size: [0.4, 14], align: -1 });
const barsRight = uPlot.paths.bars?.({ size: [0.4, 14], align: 1 });
const m3Total = (v: Record<string, number>) => Object.values(v).reduce((a, x) => a + x, 0);

/** Potable m³ of each month, now and after the scenario. */
export function MonthlyChart({ projection }: { projection: Projection }) {
  const t = useT();
  const before = t('planner.chart.before');
  const after = t('planner.chart.after');
  const unit = t('planner.chart.m3');
  const month = t('planner.chart.month');
  const options = useMemoOptions(
    (): Options => ({
      width: WIDTH,
      height: HEIGHT,
      scales: {
        x: { time: false, range: [0.5, 12.5] },
        y: { range: (_u, _a, max) => [0, max * 1.1] },
      },
      axes: [
        { ...axis, splits: () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
        { ...axis, size: 50, label: unit, values: (_u, s) => s.map((v) => formatFixed(v, 0)) },
      ],
      cursor: { points: { show: false } },
      series: [
        { label: month },
        {
          label: before,
          stroke: '#8fa8c6',
          fill: 'rgba(143,168,198,0.45)',
          ...(barsLeft ? { paths: barsLeft } : {}),
          points: { show: false },
          value: (_u, v) => formatFixed(v, 0),
        },
        {
          label: after,
          stroke: '#b48cff',
          fill: 'rgba(180,140,255,0.6)',
          ...(barsRight ? { paths: barsRight } : {}),
          points: { show: false },
          value: (_u, v) => formatFixed(v, 0),
        },
      ],
    }),
    [before, after, unit, month],
  );
  const data: AlignedData = [
    projection.monthly.map((m) => m.month),
    projection.monthly.map((m) => m3Total(m.beforeM3)),
    projection.monthly.map((m) => m3Total(m.potableAfterM3)),
  ];
  return <PlainChart data={data} options={options} />;
}

/** Share of the demand a rain tank meets against its size, with the chosen size marked. */
export function TankChart({ curve, tankM3 }: { curve: readonly TankSizePoint[]; tankM3: number }) {
  const t = useT();
  const x = t('planner.chart.tank');
  const y = t('planner.chart.share');
  const options = useMemoOptions(
    (): Options => ({
      width: WIDTH,
      height: HEIGHT,
      scales: { x: { time: false, distr: 3 }, y: { range: [0, 100] } },
      axes: [
        { ...axis, label: x },
        { ...axis, size: 44, label: y },
      ],
      cursor: { points: { show: false } },
      series: [
        { label: x },
        { label: y, stroke: '#b48cff', width: 2, value: (_u, v) => formatFixed(v, 1) },
      ],
      hooks: {
        draw: [
          (u) => {
            // The chosen size as a dashed vertical line.
            const left = u.valToPos(tankRef.current, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#ffd166';
            ctx.setLineDash([4, 4]);
            ctx.beginPath();
            ctx.moveTo(left, u.bbox.top);
            ctx.lineTo(left, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    }),
    [x, y],
  );
  const tankRef = useRef(tankM3);
  tankRef.current = tankM3;
  const data: AlignedData = [
    curve.map((p) => p.tankM3),
    curve.map((p) => 100 * p.shareOfDemandMet),
  ];
  return <PlainChart data={data} options={options} />;
}

/** Options rebuilt only when their inputs change (a new object would rebuild the chart). */
function useMemoOptions(build: () => Options, deps: readonly unknown[]): Options {
  const ref = useRef<{ deps: readonly unknown[]; options: Options } | null>(null);
  if (!ref.current || ref.current.deps.some((d, i) => d !== deps[i])) {
    ref.current = { deps, options: build() };
  }
  return ref.current.options;
}
