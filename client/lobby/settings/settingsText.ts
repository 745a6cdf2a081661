import type { CompletedRetrofit, LobbySettings, ShowStep, TourStop } from '../../../models/lobby';

/**
 * The lobby settings as an engineer types them: lists written one item a line. Parsing keeps
 * what it cannot read as it is (a number field stays text), so the server's validation names
 * the field, the value and the rule, one place for every rule.
 */

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A number when the word is one, else the word itself (for the server to refuse by name). */
const num = (word: string | undefined): number | string => {
  if (word === undefined) return '';
  const n = Number(word);
  return word.trim() !== '' && Number.isFinite(n) ? n : word;
};

export function tourToText(tour: readonly TourStop[]): string {
  return tour
    .map((s) =>
      s.kind === 'overview'
        ? `overview ${s.seconds}`
        : s.kind === 'floor'
          ? `floor ${s.buildingId} ${s.floorId} ${s.seconds}`
          : `meter ${s.meterId} ${s.seconds}`,
    )
    .join('\n');
}

export function textToTour(text: string): unknown[] {
  return lines(text).map((line) => {
    const [kind, a, b, c] = line.split(/\s+/);
    if (kind === 'overview') return { kind, seconds: num(a) };
    if (kind === 'floor') return { kind, buildingId: a ?? '', floorId: b ?? '', seconds: num(c) };
    return { kind, meterId: a ?? '', seconds: num(b) };
  });
}

export function retrofitsToText(retrofits: readonly CompletedRetrofit[]): string {
  return retrofits
    .map((r) => `${r.completedOn} ${r.meterId} ${r.baselineDays} ${r.name.zh} / ${r.name.en}`)
    .join('\n');
}

export function textToRetrofits(text: string): unknown[] {
  return lines(text).map((line) => {
    const [completedOn, meterId, days, ...rest] = line.split(/\s+/);
    const [zh = '', en = ''] = rest
      .join(' ')
      .split('/')
      .map((s) => s.trim());
    return {
      completedOn: completedOn ?? '',
      meterId: meterId ?? '',
      baselineDays: num(days),
      name: { zh, en: en || zh },
    };
  });
}

export function stepsToText(steps: readonly ShowStep[]): string {
  return steps.map((s) => `${s.kind} ${s.seconds}`).join('\n');
}

export function textToSteps(text: string): unknown[] {
  return lines(text).map((line) => {
    const [kind, seconds] = line.split(/\s+/);
    return { kind, seconds: num(seconds) };
  });
}

/** The form's text fields. */
export interface SettingsDraft {
  readonly slogansZh: string;
  readonly slogansEn: string;
  readonly tiles: LobbySettings['tiles'];
  readonly tour: string;
  readonly retrofits: string;
  readonly unmetered: string;
  readonly steps: string;
  readonly scenario: LobbySettings['show']['scenario'];
  readonly leakMeterId: string;
  readonly qrLinkId: string | null;
}

export function draftOf(s: LobbySettings): SettingsDraft {
  return {
    slogansZh: s.slogans.zh.join('\n'),
    slogansEn: s.slogans.en.join('\n'),
    tiles: s.tiles,
    tour: tourToText(s.tour),
    retrofits: retrofitsToText(s.retrofits),
    unmetered: String(s.knownUnmeteredM3PerMonth),
    steps: stepsToText(s.show.steps),
    scenario: s.show.scenario,
    leakMeterId: s.show.leakMeterId,
    qrLinkId: s.show.qrLinkId,
  };
}

/** The body of `PUT /api/v1/lobby/settings` for a draft. */
export function bodyOf(d: SettingsDraft): Record<string, unknown> {
  return {
    slogans: { zh: lines(d.slogansZh), en: lines(d.slogansEn) },
    tiles: d.tiles,
    tour: textToTour(d.tour),
    retrofits: textToRetrofits(d.retrofits),
    knownUnmeteredM3PerMonth: num(d.unmetered),
    show: {
      steps: textToSteps(d.steps),
      scenario: d.scenario,
      leakMeterId: d.leakMeterId,
      qrLinkId: d.qrLinkId,
    },
  };
}
