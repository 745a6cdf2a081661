/**
 * Every meter-data case of `../shared/cases/meter-data-cases.md` that the engine owns (all but
 * PB-10, PB-15 and PB-16), with its exact expected values, plus at least one variant of each
 * kind of fault beyond the literal input. Volumes are asserted in litres (integers) or, for m³
 * arithmetic, with `toBeCloseTo(…, 9)`.
 */

import { describe, expect, it } from 'vitest';
import { bucketIntervals, endOfLocalDayMs } from './buckets';
import type { MeterProfile } from './consumption';
import { costYuan } from './cost';
import { applyDailyCounter, type DailyCounterState, type DayStart } from './dailyCounter';
import { answerReplacement, applyRegisterEvent, type RegisterEvent } from './events';
import type { Interval, Span } from './interval';
import { applyIntervalVolume, type IntervalVolumeState } from './intervalVolume';
import {
  applyRegisterReading,
  EMPTY_REGISTER,
  logicalRegisterL,
  type RegisterState,
  type ReplacementQuestion,
} from './register';
import { checkRepeat, EMPTY_REPEATS, type RepeatVerdict, type SeenReading } from './repeats';
import { splitByTariff, type TariffPeriod } from './tariff';
import { checkUnit, fromLitres, releaseQuarantined, type VolumeUnit } from './units';

const SHANGHAI = 'Asia/Shanghai';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Epoch ms of an ISO 8601 time with offset. */
const at = (iso: string): number => Date.parse(iso);
/** Litres of a value in m³ (register resolution 1 L). */
const m3 = (x: number): number => Math.round(x * 1000);

/** A 1000 m³ register, 5 m³/h overload flow, hourly-ish readings. */
const registerProfile = (over: Partial<MeterProfile> = {}): MeterProfile => ({
  capacityL: 1_000_000,
  maxFlowLps: 5000 / 3600,
  glitchToleranceL: 50,
  gapMs: 3 * HOUR,
  zeroAsMissingAboveL: 1000,
  ...over,
});

const volumes = (intervals: readonly Interval[]): number[] => intervals.map((i) => i.volumeL);
const total = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, i) => sum + i.volumeL, 0);

type Row = readonly [iso: string, valueL: number | null, serial?: string];
type Step = { event: RegisterEvent } | { row: Row };

/** Feeds rows and events through one logical register. */
function runRegister(steps: readonly Step[], profile: MeterProfile = registerProfile()) {
  let state: RegisterState = EMPTY_REGISTER;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const questions: ReplacementQuestion[] = [];
  const unmeasured: Span[] = [];
  for (const step of steps) {
    if ('event' in step) {
      const result = applyRegisterEvent(state, step.event, profile);
      state = result.state;
      outcomes.push(result.outcome);
      if (result.unmeasured) unmeasured.push(result.unmeasured);
      continue;
    }
    const [iso, valueL, serial] = step.row;
    const result = applyRegisterReading(
      state,
      { tsMs: at(iso), valueL, serial: serial ?? null },
      profile,
    );
    state = result.state;
    outcomes.push(result.outcome);
    if (result.interval) intervals.push(result.interval);
    if (result.question) questions.push(result.question);
  }
  return { state, outcomes, intervals, questions, unmeasured };
}
const rows = (...list: Row[]): Step[] => list.map((row) => ({ row }));

/** Feeds rows through a daily counter. */
function runCounter(
  list: ReadonlyArray<readonly [string, number | null]>,
  dayStart: DayStart,
  profile: MeterProfile = registerProfile(),
) {
  let state: DailyCounterState | null = null;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const unmeasured: Span[] = [];
  for (const [iso, valueL] of list) {
    const step = applyDailyCounter(state, at(iso), valueL, profile, dayStart);
    state = step.state;
    outcomes.push(step.outcome);
    if (step.interval) intervals.push(step.interval);
    if (step.unmeasured) unmeasured.push(step.unmeasured);
  }
  return { outcomes, intervals, unmeasured };
}

/** Feeds interval-volume rows (hourly nominal, on-change meter). */
function runIntervalVolumes(list: ReadonlyArray<readonly [string, number]>): Interval[] {
  let state: IntervalVolumeState | null = null;
  const intervals: Interval[] = [];
  const profile = { maxFlowLps: 2, gapMs: DAY, nominalIntervalMs: HOUR };
  for (const [iso, volumeL] of list) {
    const step = applyIntervalVolume(state, at(iso), volumeL, profile);
    state = step.state;
    if (step.interval) intervals.push(step.interval);
  }
  return intervals;
}

describe('PB-01 a daily-resetting source never drives the total negative', () => {
  const midnight: DayStart = { zone: SHANGHAI, minuteOfDay: 0 };
  const input: Array<[string, number]> = [
    ['2026-01-14T22:00:00+08:00', 410],
    ['2026-01-14T23:00:00+08:00', 455],
    ['2026-01-15T00:00:00+08:00', 0],
    ['2026-01-15T01:00:00+08:00', 12],
    ['2026-01-15T02:00:00+08:00', 12],
  ];

  it('books 45, 0 (source_reset), 12, 0 L: 57 L from 22:00, nothing below 0', () => {
    const { intervals, outcomes, unmeasured } = runCounter(input, midnight);

    expect(outcomes).toEqual(['first', 'booked', 'booked', 'booked', 'booked']);
    expect(intervals.map((i) => [i.endMs, i.volumeL, i.flags])).toEqual([
      [at('2026-01-14T23:00:00+08:00'), 45, []],
      [at('2026-01-15T00:00:00+08:00'), 0, ['source_reset']],
      [at('2026-01-15T01:00:00+08:00'), 12, []],
      [at('2026-01-15T02:00:00+08:00'), 0, []],
    ]);
    expect(total(intervals)).toBe(57);
    expect(intervals.every((i) => i.volumeL >= 0)).toBe(true);
    expect(unmeasured).toEqual([
      { startMs: at('2026-01-14T23:00:00+08:00'), endMs: at('2026-01-15T00:00:00+08:00') },
    ]);
  });

  it('gives the same numbers when a tariff boundary also falls at 00:00', () => {
    const { intervals } = runCounter(input, midnight);
    const periods: TariffPeriod[] = [
      { name: 'valley', startHour: 0, endHour: 8 },
      { name: 'peak', startHour: 8, endHour: 24 },
    ];

    const split = splitByTariff(intervals, periods, SHANGHAI);

    expect(split).toEqual([
      { name: 'valley', volumeL: 12, estimated: false },
      { name: 'peak', volumeL: 45, estimated: false },
    ]);
    expect(split.reduce((sum, t) => sum + (t.volumeL ?? 0), 0)).toBe(57);
  });

  it('splits by a tariff that wraps past midnight the same way (variant)', () => {
    const { intervals } = runCounter(input, midnight);
    const periods: TariffPeriod[] = [
      { name: 'peak', startHour: 7, endHour: 23 },
      { name: 'night', startHour: 23, endHour: 7 },
    ];

    // 23:00 closes 22:00–23:00 (peak); 00:00, 01:00 and 02:00 close night hours.
    expect(splitByTariff(intervals, periods, SHANGHAI)).toEqual([
      { name: 'peak', volumeL: 45, estimated: false },
      { name: 'night', volumeL: 12, estimated: false },
    ]);
  });

  it('books the use since the reset when the first reading after it comes later (variant)', () => {
    const { intervals, unmeasured } = runCounter(
      [
        ['2026-01-14T23:00:00+08:00', 455],
        ['2026-01-15T00:10:00+08:00', 3],
        ['2026-01-15T00:20:00+08:00', 9],
      ],
      midnight,
    );

    expect(volumes(intervals)).toEqual([3, 6]);
    expect(intervals[0]!.flags).toEqual(['source_reset']);
    expect(unmeasured).toEqual([
      { startMs: at('2026-01-14T23:00:00+08:00'), endMs: at('2026-01-15T00:00:00+08:00') },
    ]);
  });

  it('reads a value stamped at the reset that did not fall as the old day final (variant)', () => {
    const { intervals, unmeasured } = runCounter(
      [
        ['2026-01-14T23:00:00+08:00', 455],
        ['2026-01-15T00:00:00+08:00', 470],
        ['2026-01-15T01:00:00+08:00', 12],
      ],
      midnight,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [15, []],
      [12, ['source_reset']],
    ]);
    expect(unmeasured).toEqual([]);
  });
});

describe('PB-03 a register wrapping past its last digit never stalls the stream', () => {
  it('books 20, 90 (rollover), 30 L: 0.140 m³', () => {
    const { intervals, outcomes, state } = runRegister(
      rows(
        ['2024-04-07T10:20:00+01:00', m3(999.91)],
        ['2024-04-07T10:25:00+01:00', m3(999.93)],
        ['2024-04-07T10:30:00+01:00', m3(0.02)],
        ['2024-04-07T10:35:00+01:00', m3(0.05)],
      ),
    );

    expect(outcomes).toEqual(['first', 'booked', 'booked', 'booked']);
    expect(volumes(intervals)).toEqual([20, 90, 30]);
    expect(intervals[1]!.flags).toEqual(['rollover']);
    expect(intervals[1]!.endMs).toBe(at('2024-04-07T10:30:00+01:00'));
    expect(total(intervals) / 1000).toBeCloseTo(0.14, 9);
    // The logical register goes on past the wrap.
    expect(logicalRegisterL(state)).toBe(1_000_050);
  });

  it('flags a wrap beyond the maximum flow and accepts the following readings', () => {
    const { intervals, outcomes } = runRegister(
      rows(
        ['2024-04-07T10:20:00+01:00', m3(999.91)],
        ['2024-04-07T10:25:00+01:00', m3(999.93)],
        ['2024-04-07T10:30:00+01:00', m3(13.3)],
        ['2024-04-07T10:35:00+01:00', m3(13.32)],
        ['2024-04-07T10:40:00+01:00', m3(13.36)],
      ),
    );

    expect(outcomes).toEqual(['first', 'booked', 'suspect_jump', 'booked', 'booked']);
    expect(volumes(intervals)).toEqual([20, 20, 40]);
    expect(intervals.some((i) => i.endMs === at('2024-04-07T10:30:00+01:00'))).toBe(false);
  });

  it('wraps a five-digit litre register at 100 000 L (variant)', () => {
    const profile = registerProfile({ capacityL: 100_000 });
    const { intervals } = runRegister(
      rows(['2026-03-01T10:00:00+08:00', 99_990], ['2026-03-01T10:05:00+08:00', 40]),
      profile,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[50, ['rollover']]]);
  });

  it('wraps a 10 000 m³ register (variant)', () => {
    const profile = registerProfile({ capacityL: 10_000_000, maxFlowLps: 40_000 / 3600 });
    const { intervals } = runRegister(
      rows(['2026-03-01T10:00:00+08:00', m3(9999.5)], ['2026-03-01T11:00:00+08:00', m3(1.2)]),
      profile,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[1700, ['rollover']]]);
  });
});

describe('PB-04 a meter replacement never books a negative day', () => {
  const before = rows(
    ['2026-03-10T08:00:00+08:00', m3(1532.41), 'OLD-778'],
    ['2026-03-10T09:00:00+08:00', m3(1532.46), 'OLD-778'],
  );
  const after = rows(
    ['2026-03-10T10:00:00+08:00', m3(0.02), 'NEW-102'],
    ['2026-03-10T11:00:00+08:00', m3(0.07), 'NEW-102'],
  );
  const replacement: RegisterEvent = {
    kind: 'replacement',
    tsMs: at('2026-03-10T09:30:00+08:00'),
    oldFinalL: m3(1532.47),
    newStartL: m3(0),
    newSerial: 'NEW-102',
  };

  it('books 0.050, 0.030 (0.010 old + 0.020 new), 0.050 m³ and keeps one register', () => {
    const { intervals, outcomes, state } = runRegister([
      ...before,
      { event: replacement },
      ...after,
    ]);

    expect(outcomes).toEqual(['first', 'booked', 'replacement', 'booked', 'booked']);
    expect(intervals.map((i) => [i.endMs, i.volumeL])).toEqual([
      [at('2026-03-10T09:00:00+08:00'), 50],
      [at('2026-03-10T10:00:00+08:00'), 30],
      [at('2026-03-10T11:00:00+08:00'), 50],
    ]);
    expect(intervals[1]!.startMs).toBe(at('2026-03-10T09:00:00+08:00'));
    expect(intervals[1]!.flags).toEqual(['meter_replacement']);
    expect(total(intervals) / 1000).toBeCloseTo(0.13, 9);
    expect(logicalRegisterL(state)! / 1000).toBeCloseTo(1532.54, 9);
    expect(logicalRegisterL(state)).toBe(1_532_540);
    expect(state.serial).toBe('NEW-102');
  });

  it('without the event rows: no negative interval, asks for the old final reading', () => {
    const detected = runRegister([...before, ...after]);

    expect(detected.outcomes).toEqual(['first', 'booked', 'possible_meter_replacement', 'booked']);
    expect(volumes(detected.intervals)).toEqual([50, 50]);
    expect(detected.intervals.every((i) => i.volumeL >= 0)).toBe(true);
    expect(detected.questions).toEqual([
      {
        oldSerial: 'OLD-778',
        newSerial: 'NEW-102',
        lastOldTsMs: at('2026-03-10T09:00:00+08:00'),
        lastOldRegisterL: 1_532_460,
        firstNewTsMs: at('2026-03-10T10:00:00+08:00'),
        firstNewValueL: 20,
      },
    ]);
    expect(logicalRegisterL(detected.state)).toBeNull();

    // The operator's answer books the span and restores the same totals as with the events.
    const answered = answerReplacement(
      detected.state,
      at('2026-03-10T10:00:00+08:00'),
      { oldFinalL: m3(1532.47), newStartL: 0 },
      registerProfile(),
    );
    expect(answered.outcome).toBe('replacement');
    expect(answered.interval).toEqual({
      startMs: at('2026-03-10T09:00:00+08:00'),
      endMs: at('2026-03-10T10:00:00+08:00'),
      volumeL: 30,
      flags: ['meter_replacement'],
    });
    expect(logicalRegisterL(answered.state)).toBe(1_532_540);
    expect(total([...detected.intervals, answered.interval!])).toBe(130);
  });

  it('rejects an answer whose old final is below the last reading (variant)', () => {
    const detected = runRegister([...before, ...after]);

    const answered = answerReplacement(
      detected.state,
      at('2026-03-10T10:00:00+08:00'),
      { oldFinalL: m3(1532.0), newStartL: 0 },
      registerProfile(),
    );

    expect(answered.outcome).toBe('rejected');
    expect(answered.state).toBe(detected.state);
  });

  it('treats an exact 0 from a new serial as a replacement, not a missing value (variant)', () => {
    const { outcomes, questions } = runRegister([
      ...before,
      ...rows(['2026-03-10T10:00:00+08:00', 0, 'NEW-102']),
    ]);

    expect(outcomes[2]).toBe('possible_meter_replacement');
    expect(questions[0]!.firstNewValueL).toBe(0);
  });

  it('keeps a litre register continuous across a replacement (variant)', () => {
    const profile = registerProfile({ capacityL: 100_000 });
    const { intervals, state } = runRegister(
      [
        ...rows(['2026-03-10T08:00:00+08:00', 98_000, 'A'], ['2026-03-10T09:00:00+08:00', 98_100]),
        {
          event: {
            kind: 'replacement',
            tsMs: at('2026-03-10T09:10:00+08:00'),
            oldFinalL: 98_125,
            newStartL: 3,
            newSerial: 'B',
          },
        },
        ...rows(['2026-03-10T10:00:00+08:00', 63, 'B']),
        ...rows(['2026-03-10T09:05:00+08:00', 98_110, 'A']),
      ],
      profile,
    );

    expect(volumes(intervals)).toEqual([100, 85]);
    expect(logicalRegisterL(state)).toBe(98_185);
  });

  it('restarts a reset register without a final reading and reports the unknown span', () => {
    const { intervals, outcomes, unmeasured } = runRegister([
      ...rows(['2026-03-10T08:00:00+08:00', 5_000], ['2026-03-10T09:00:00+08:00', 5_040]),
      {
        event: { kind: 'reset', tsMs: at('2026-03-10T09:20:00+08:00'), finalL: null, startL: 0 },
      },
      ...rows(['2026-03-10T10:00:00+08:00', 25]),
    ]);

    expect(outcomes).toEqual(['first', 'booked', 'reset', 'booked']);
    expect(intervals.map((i) => [i.startMs, i.volumeL, i.flags])).toEqual([
      [at('2026-03-10T08:00:00+08:00'), 40, []],
      [at('2026-03-10T09:20:00+08:00'), 25, ['register_reset']],
    ]);
    expect(unmeasured).toEqual([
      { startMs: at('2026-03-10T09:00:00+08:00'), endMs: at('2026-03-10T09:20:00+08:00') },
    ]);
  });

  it('carries the final reading of a reset register into the next interval (variant)', () => {
    const { intervals } = runRegister([
      ...rows(['2026-03-10T08:00:00+08:00', 5_000], ['2026-03-10T09:00:00+08:00', 5_040]),
      {
        event: { kind: 'reset', tsMs: at('2026-03-10T09:20:00+08:00'), finalL: 5_047, startL: 0 },
      },
      ...rows(['2026-03-10T10:00:00+08:00', 25]),
    ]);

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [40, []],
      [32, ['register_reset']],
    ]);
  });
});

describe('PB-05 a provider day that is not the local day never gives a negative hour', () => {
  const utcDay: DayStart = { zone: 'UTC', minuteOfDay: 0 };
  const input: Array<[string, number]> = [
    ['2026-02-03T06:00:00+08:00', m3(0.905)],
    ['2026-02-03T07:00:00+08:00', m3(0.912)],
    ['2026-02-03T08:00:00+08:00', m3(0)],
    ['2026-02-03T09:00:00+08:00', m3(0.03)],
  ];

  it('books 0.007, 0 (source_reset), 0.030 m³ when the counter restarts at UTC midnight', () => {
    const { intervals, unmeasured } = runCounter(input, utcDay);

    expect(intervals.map((i) => [i.endMs, i.volumeL, i.flags])).toEqual([
      [at('2026-02-03T07:00:00+08:00'), 7, []],
      [at('2026-02-03T08:00:00+08:00'), 0, ['source_reset']],
      [at('2026-02-03T09:00:00+08:00'), 30, []],
    ]);
    expect(unmeasured).toEqual([
      { startMs: at('2026-02-03T07:00:00+08:00'), endMs: at('2026-02-03T08:00:00+08:00') },
    ]);
    expect(intervals.every((i) => i.volumeL >= 0)).toBe(true);
  });

  it('cuts daily totals at 00:00+08:00 whatever the source reset time', () => {
    const { intervals } = runCounter(input, utcDay);

    const days = bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'day',
      fromMs: at('2026-02-02T00:00:00+08:00'),
      toMs: at('2026-02-04T00:00:00+08:00'),
    });

    expect(days.map((d) => [d.label, d.volumeL])).toEqual([
      ['2026-02-02', null],
      ['2026-02-03', 37],
    ]);
  });

  it('handles a provider day starting at 02:00 local (variant)', () => {
    const { intervals } = runCounter(
      [
        ['2026-02-03T00:00:00+08:00', 900],
        ['2026-02-03T01:00:00+08:00', 940],
        ['2026-02-03T02:00:00+08:00', 0],
        ['2026-02-03T03:00:00+08:00', 25],
      ],
      { zone: SHANGHAI, minuteOfDay: 120 },
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [40, []],
      [0, ['source_reset']],
      [25, []],
    ]);
  });

  it('restarts at 03:00 when the provider day start falls in a DST gap (variant)', () => {
    // Europe/Berlin skips 02:00–03:00 on 2026-03-29; luxon moves 02:00 forward to 03:00.
    const { intervals } = runCounter(
      [
        ['2026-03-29T01:30:00+01:00', 800],
        ['2026-03-29T03:30:00+02:00', 12],
      ],
      { zone: 'Europe/Berlin', minuteOfDay: 120 },
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[12, ['source_reset']]]);
  });
});

describe('PB-07 days follow the building zone and the end stamp', () => {
  const input: Array<[string, number]> = [
    ['2026-05-01T22:00:00+08:00', 40],
    ['2026-05-01T23:00:00+08:00', 5],
    ['2026-05-02T00:30:00+08:00', 3],
    ['2026-05-02T10:00:00+08:00', 7],
  ];
  const days = (intervals: Interval[], zone: string) =>
    bucketIntervals(intervals, {
      zone,
      size: 'day',
      fromMs: at('2026-05-01T00:00:00+08:00'),
      toMs: at('2026-05-03T00:00:00+08:00'),
    }).map((d) => [d.label, d.volumeL]);

  it('gives 2026-05-01 = 45 L and 2026-05-02 = 10 L, not 15', () => {
    expect(days(runIntervalVolumes(input), SHANGHAI)).toEqual([
      ['2026-05-01', 45],
      ['2026-05-02', 10],
    ]);
  });

  it('would be wrong cut in UTC (00:30+08:00 falls in 05-01), which is why the zone is given', () => {
    const utc = days(runIntervalVolumes(input), 'UTC');

    expect(utc.find(([label]) => label === '2026-05-01')).toEqual(['2026-05-01', 48]);
  });

  it('puts a reading stamped exactly at 00:00 into the day it ends: 05-01 = 47 L', () => {
    const withMidnight = runIntervalVolumes([
      ...input.slice(0, 2),
      ['2026-05-02T00:00:00+08:00', 2],
      ...input.slice(2),
    ]);

    expect(days(withMidnight, SHANGHAI)).toEqual([
      ['2026-05-01', 47],
      ['2026-05-02', 10],
    ]);
  });

  it('puts a reading at 23:00 into the hour 22:00–23:00 (variant: hours)', () => {
    const hours = bucketIntervals(runIntervalVolumes(input.slice(0, 2)), {
      zone: SHANGHAI,
      size: 'hour',
      fromMs: at('2026-05-01T21:00:00+08:00'),
      toMs: at('2026-05-02T00:00:00+08:00'),
    });

    expect(hours.map((h) => [h.label, h.volumeL])).toEqual([
      ['2026-05-01T21:00+08:00', 40],
      ['2026-05-01T22:00+08:00', 5],
      ['2026-05-01T23:00+08:00', null],
    ]);
  });

  it('cuts local days of 23 h across a DST change (variant)', () => {
    const berlin = bucketIntervals([], {
      zone: 'Europe/Berlin',
      size: 'day',
      fromMs: at('2026-03-29T00:00:00+01:00'),
      toMs: at('2026-03-30T00:00:00+02:00'),
    });

    expect(berlin.map((d) => [d.label, (d.endMs - d.startMs) / HOUR])).toEqual([
      ['2026-03-29', 23],
    ]);
  });
});

describe('PB-08 a telegram without a total is missing, never 0', () => {
  it('stores rows 2 and 4 as no reading and books 0.005 m³ from 07:35 to 08:35', () => {
    const { intervals, outcomes, questions } = runRegister(
      rows(
        ['2021-12-02T07:35:00Z', m3(7.156)],
        ['2021-12-02T08:01:00Z', 0],
        ['2021-12-02T08:35:00Z', m3(7.161)],
        ['2021-12-02T09:01:00Z', null],
      ),
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked', 'missing']);
    expect(intervals).toEqual([
      {
        startMs: at('2021-12-02T07:35:00Z'),
        endMs: at('2021-12-02T08:35:00Z'),
        volumeL: 5,
        flags: [],
      },
    ]);
    expect(total(intervals) / 1000).toBeCloseTo(0.005, 9);
    expect(questions).toEqual([]);
  });

  it('keeps a 0 from the same serial missing too (variant: serials reported)', () => {
    const { outcomes, intervals } = runRegister(
      rows(
        ['2021-12-02T07:35:00Z', m3(7.156), 'WM-0001'],
        ['2021-12-02T08:01:00Z', 0, 'WM-0001'],
        ['2021-12-02T08:35:00Z', m3(7.161), 'WM-0001'],
      ),
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked']);
    expect(volumes(intervals)).toEqual([5]);
  });

  it('keeps a mid-day 0 of a daily counter missing (variant)', () => {
    const { outcomes, intervals } = runCounter(
      [
        ['2026-01-14T10:00:00+08:00', 4_000],
        ['2026-01-14T11:00:00+08:00', 0],
        ['2026-01-14T12:00:00+08:00', 4_030],
      ],
      { zone: SHANGHAI, minuteOfDay: 0 },
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked']);
    expect(volumes(intervals)).toEqual([30]);
  });
});

describe('PB-09 readings re-sent after a reconnect are counted once', () => {
  type Msg = { seq: number | null; iso: string; totalL: number };

  /** Idempotency check, then the register engine for new readings. */
  function ingest(messages: readonly Msg[]) {
    let repeats = EMPTY_REPEATS;
    let register = EMPTY_REGISTER;
    const verdicts: RepeatVerdict[] = [];
    const stored: Array<number | null> = [];
    const intervals: Interval[] = [];
    for (const m of messages) {
      const seen: SeenReading = { seq: m.seq, tsMs: at(m.iso), value: m.totalL };
      const check = checkRepeat(repeats, seen);
      repeats = check.state;
      verdicts.push(check.verdict);
      if (check.verdict !== 'new') continue;
      stored.push(m.seq);
      const step = applyRegisterReading(
        register,
        { tsMs: seen.tsMs, valueL: m.totalL, serial: null },
        registerProfile(),
      );
      register = step.state;
      if (step.interval) intervals.push(step.interval);
    }
    return { verdicts, stored, intervals };
  }

  it('stores 101, 102, 103; books 12 + 8 = 20 L; 102 again ignored; 104 is a conflict', () => {
    const { verdicts, stored, intervals } = ingest([
      { seq: 101, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
      { seq: 102, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 102, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 103, iso: '2026-03-01T10:10:00+08:00', totalL: 5020 },
      { seq: 104, iso: '2026-03-01T10:10:00+08:00', totalL: 5026 },
    ]);

    expect(verdicts).toEqual(['new', 'new', 'duplicate', 'new', 'conflict']);
    expect(stored).toEqual([101, 102, 103]);
    expect(volumes(intervals)).toEqual([12, 8]);
    expect(total(intervals)).toBe(20);
  });

  it('flags a reused sequence number with other content as a conflict (variant: seq only)', () => {
    let state = EMPTY_REPEATS;
    state = checkRepeat(state, { seq: 7, tsMs: 0, value: 100 }).state;

    const check = checkRepeat(state, { seq: 7, tsMs: 5 * MIN, value: 104 });

    expect(check).toMatchObject({ verdict: 'conflict', matchedBy: 'seq' });
  });

  it('ignores a repeat without a sequence number by its timestamp (variant: ts only)', () => {
    let state = EMPTY_REPEATS;
    state = checkRepeat(state, { seq: null, tsMs: 0, value: 100 }).state;

    expect(checkRepeat(state, { seq: null, tsMs: 0, value: 100 })).toMatchObject({
      verdict: 'duplicate',
      matchedBy: 'ts',
    });
    expect(checkRepeat(state, { seq: null, tsMs: 0, value: 101 }).verdict).toBe('conflict');
  });

  it('recognises an older message re-sent after newer ones as a duplicate (variant)', () => {
    const { verdicts, intervals } = ingest([
      { seq: 1, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
      { seq: 2, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 3, iso: '2026-03-01T10:10:00+08:00', totalL: 5020 },
      { seq: 1, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
    ]);

    expect(verdicts).toEqual(['new', 'new', 'new', 'duplicate']);
    expect(total(intervals)).toBe(20);
  });
});

describe('PB-11 numbers in m³ labelled as litres are quarantined, never converted', () => {
  const canteen = { unit: 'm3', decimals: 3 } as const;
  const payload = [
    { iso: '2026-03-01T08:00:00+08:00', value: 1532.41, unit: 'L' as VolumeUnit },
    { iso: '2026-03-01T09:00:00+08:00', value: 1532.46, unit: 'L' as VolumeUnit },
    { iso: '2026-03-01T10:00:00+08:00', value: 1532.53, unit: 'L' as VolumeUnit },
  ];

  it('quarantines each row with unit_mismatch (profile m³, payload L)', () => {
    const checks = payload.map((r) => checkUnit(r, canteen));

    for (const check of checks) {
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.quarantined).toMatchObject({
          reason: 'unit_mismatch',
          declaredUnit: 'm3',
          payloadUnit: 'L',
        });
      }
    }
  });

  it('after the operator confirms m³: 1 532 410 / 460 / 530 L, 50 L and 70 L, 0.42 CNY', () => {
    const litres = payload.map((r) => {
      const check = checkUnit(r, canteen);
      if (check.ok) throw new Error('expected quarantine');
      return releaseQuarantined(check.quarantined, 'm3', canteen);
    });
    const { intervals } = runRegister(
      payload.map((r, i) => ({ row: [r.iso, litres[i] ?? null] as const })),
    );

    expect(litres).toEqual([1_532_410, 1_532_460, 1_532_530]);
    expect(volumes(intervals)).toEqual([50, 70]);
    const costs = intervals.map((i) => costYuan(i.volumeL, 3.5)!);
    expect(costs[0]).toBeCloseTo(0.175, 9);
    expect(costs[1]).toBeCloseTo(0.245, 9);
    expect(costs[0]! + costs[1]!).toBeCloseTo(0.42, 9);
    // The wrong results of the report: 0.05 L / 0.07 L (0.00042 CNY) or 50 000 L.
    expect(volumes(intervals)).not.toContain(0.05);
    expect(volumes(intervals)).not.toContain(50_000);
  });

  it('gives no cost, not 0, when the tariff is not set', () => {
    expect(costYuan(50, undefined)).toBeNull();
    expect(costYuan(null, 3.5)).toBeNull();
    expect(costYuan(0, 3.5)).toBe(0);
  });

  it('never changes stored litres when the display unit changes', () => {
    const stored = [1_532_410, 1_532_460];

    const shown = stored.map((l) => fromLitres(l, 'm3'));

    expect(shown[0]).toBeCloseTo(1532.41, 9);
    expect(stored).toEqual([1_532_410, 1_532_460]);
  });

  it('quarantines m³ sent to a litre meter, and accepts matching units (variant)', () => {
    const litreMeter = { unit: 'L', decimals: 0 } as const;

    expect(checkUnit({ value: 12.5, unit: 'm3' }, litreMeter).ok).toBe(false);
    expect(checkUnit({ value: 12_500, unit: 'L' }, litreMeter)).toEqual({
      ok: true,
      valueL: 12_500,
    });
    expect(checkUnit({ value: null, unit: 'L' }, litreMeter)).toEqual({ ok: true, valueL: null });
  });

  it('stores a four-decimal m³ register at 0.1 L resolution (variant)', () => {
    const fine = { unit: 'm3', decimals: 4 } as const;

    expect(checkUnit({ value: 1532.4107, unit: 'm3' }, fine)).toEqual({
      ok: true,
      valueL: 1_532_410.7,
    });
  });
});

describe('PB-14 a gap of several days is spread, and missing days stay null', () => {
  const daily = (date: string, totalM3: number | null): Row => [
    new Date(endOfLocalDayMs(date, SHANGHAI)).toISOString(),
    totalM3 === null ? null : m3(totalM3),
  ];
  const profile = registerProfile({ gapMs: 36 * HOUR, maxFlowLps: 5 });
  const input = rows(
    daily('2025-03-01', 1200),
    daily('2025-03-02', 1200.5),
    daily('2025-03-03', null),
    daily('2025-03-04', null),
    daily('2025-03-05', 1202),
  );
  const days = (intervals: Interval[]) =>
    bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'day',
      fromMs: at('2025-03-01T00:00:00+08:00'),
      toMs: at('2025-03-06T00:00:00+08:00'),
    });

  it('gives 03-02 0.500 and 0.500 estimated for each of 03-03 to 03-05, sum 1.500 m³', () => {
    const { intervals, outcomes } = runRegister(input, profile);

    const result = days(intervals).map((d) => [d.label, d.volumeL, d.estimated]);

    expect(outcomes).toEqual(['first', 'booked', 'missing', 'missing', 'booked']);
    expect(result).toEqual([
      ['2025-03-01', null, false],
      ['2025-03-02', 500, false],
      ['2025-03-03', 500, true],
      ['2025-03-04', 500, true],
      ['2025-03-05', 500, true],
    ]);
    expect(intervals[1]!.flags).toEqual(['estimated_gap']);
    expect(result.slice(2).reduce((sum, d) => sum + (d[1] as number), 0) / 1000).toBeCloseTo(
      1.5,
      9,
    );
  });

  it('keeps days without any reading null, never 0', () => {
    const { intervals } = runRegister(input.slice(0, 2), profile);

    expect(days(intervals).map((d) => d.volumeL)).toEqual([null, 500, null, null, null]);
  });

  it('spreads an uneven gap over hours and preserves the sum exactly (variant)', () => {
    const { intervals } = runRegister(
      rows(
        ['2026-03-01T08:30:00+08:00', 10_000],
        ['2026-03-01T13:00:00+08:00', 10_100],
        ['2026-03-01T14:00:00+08:00', 10_110],
      ),
    );
    const hours = bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'hour',
      fromMs: at('2026-03-01T07:00:00+08:00'),
      toMs: at('2026-03-01T14:00:00+08:00'),
    });

    // 4.5 h gap: 30 min in 08:00 (11.1 L), then four whole hours of 22.2 L.
    expect(hours.map((h) => h.volumeL === null)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(hours[1]!.volumeL).toBeCloseTo(100 / 9, 9);
    expect(hours[2]!.volumeL).toBeCloseTo(200 / 9, 9);
    expect(hours.slice(1, 6).reduce((sum, h) => sum + h.volumeL!, 0)).toBe(100);
    expect(hours.slice(1, 6).every((h) => h.estimated)).toBe(true);
    expect(hours[6]).toMatchObject({ volumeL: 10, estimated: false });
  });

  it('spreads an estimated interval over tariff periods by the hours it covers (variant)', () => {
    const interval: Interval = {
      startMs: at('2026-03-01T06:00:00+08:00'),
      endMs: at('2026-03-01T10:00:00+08:00'),
      volumeL: 40,
      flags: ['estimated_gap'],
    };

    const split = splitByTariff(
      [interval],
      [
        { name: 'valley', startHour: 23, endHour: 8 },
        { name: 'peak', startHour: 8, endHour: 23 },
      ],
      SHANGHAI,
    );

    expect(split).toEqual([
      { name: 'valley', volumeL: 20, estimated: true },
      { name: 'peak', volumeL: 20, estimated: true },
    ]);
  });
});
