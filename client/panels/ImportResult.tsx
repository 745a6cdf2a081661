import type { ReactNode } from 'react';
import type { CappedList, ImportPreviewRow, ImportSummary } from '../../models/importSummary';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { siteIndex } from '../state/siteIndex';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import {
  type CodeCount,
  formatLitres,
  formatWallTime,
  type Message,
  meterViews,
  reasonLabels,
  rejectMessage,
  STATUS_KEY,
} from './importView';
import { formatSentValue, UNIT_KEY } from './quarantineView';

interface ImportResultProps {
  readonly summary: ImportSummary;
  /** A preview (nothing stored) or the real run's report. */
  readonly dryRun: boolean;
  /** The file or the mapping changed since this answer. */
  readonly stale: boolean;
  /** The building's zone: every time shown is its wall clock. */
  readonly timeZone: string;
}

/** What an import read, decided and booked (or would book), as the upload page shows it. */
export function ImportResult({ summary, dryRun, stale, timeZone }: ImportResultProps) {
  const t = useT();
  const unmapped = Object.entries(summary.unmapped);
  const unmappedCount = unmapped.reduce((sum, [, n]) => sum + n, 0);
  const when = (tsMs: number | null) => (tsMs === null ? '—' : formatWallTime(tsMs, timeZone));

  return (
    <div data-testid={testIds.importSummary} data-dry-run={dryRun}>
      <div className={dryRun ? 'import-banner preview' : 'import-banner done'}>
        {dryRun ? t('import.dryRunBanner') : t('import.doneBanner')}
      </div>
      {stale && <div className="import-banner stale">{t('import.staleBanner')}</div>}

      <dl className="import-stats">
        <Stat id="rows" label={t('import.rowsRead')} value={summary.rowsRead} />
        <Stat id="readings" label={t('import.readings')} value={summary.readings} />
        <Stat id="rejected" label={t('import.rejectedCount')} value={summary.rejected.count} />
        <Stat id="unmapped" label={t('import.unmapped')} value={unmappedCount} />
        <Stat id="empty" label={t('import.emptyValues')} value={summary.emptyValues} />
        <Stat id="first" label={t('import.first')} value={when(summary.firstTsMs)} />
        <Stat id="last" label={t('import.last')} value={when(summary.lastTsMs)} />
      </dl>
      <div className="muted import-note">
        {t('import.zoneNote', { zone: timeZone })}
        {summary.laterOffsetRows > 0 &&
          ` · ${t('import.laterOffset', { count: summary.laterOffsetRows })}`}
        {unmapped.length > 0 &&
          ` · ${t('import.unmappedKeys', { keys: unmapped.map(([k]) => k).join(', ') })}`}
      </div>

      <MeterTable summary={summary} dryRun={dryRun} />

      <Section
        title={dryRun ? t('import.flaggedWould') : t('import.flaggedBooked')}
        list={summary.flaggedIntervals}
        testId={testIds.importFlagged}
      >
        <thead>
          <tr>
            <th className="num">{t('import.line')}</th>
            <th>{t('import.meter')}</th>
            <th>{t('import.start')}</th>
            <th>{t('import.end')}</th>
            <th className="num">{t('import.volume')}</th>
            <th>{t('import.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.flaggedIntervals.rows.map((iv) => (
            <tr key={`${iv.meter}-${iv.line}-${iv.endMs}`}>
              <td className="num">{iv.line}</td>
              <td>
                <MeterName id={iv.meter} />
              </td>
              <td className="num">{when(iv.startMs)}</td>
              <td className="num">{when(iv.endMs)}</td>
              <td className="num">
                {formatLitres(iv.volumeL)} {t('unit.L')}
              </td>
              <td>
                <Labels labels={iv.flags.flatMap((f) => reasonLabels(f))} />
              </td>
            </tr>
          ))}
        </tbody>
      </Section>

      <Section
        title={t('import.rejectedTitle')}
        list={summary.rejected}
        testId={testIds.importRejected}
      >
        <thead>
          <tr>
            <th className="num">{t('import.line')}</th>
            <th>{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rejected.rows.map((r) => {
            const why = rejectMessage(r.reason);
            return (
              <tr key={`${r.line}-${r.reason}`}>
                <td className="num">{r.line}</td>
                <td className="import-reason" title={r.reason}>
                  {t(why.key, why.params)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Section>

      <Section title={t('import.notesTitle')} list={summary.notes} testId={testIds.importNotes}>
        <ReadingHead />
        <tbody>
          {summary.notes.rows.map((n) => (
            <ReadingRow
              key={`${n.line}-${n.meter}-${n.tsMs}`}
              row={{ ...n, key: n.meter, time: null }}
              timeZone={timeZone}
            />
          ))}
        </tbody>
      </Section>

      <Section
        title={t('import.previewTitle')}
        list={{ count: summary.preview.length, rows: summary.preview }}
        testId={testIds.importPreviewTable}
      >
        <ReadingHead withFileTime />
        <tbody>
          {summary.preview.map((row) => (
            <ReadingRow key={`${row.line}-${row.key}`} row={row} timeZone={timeZone} />
          ))}
        </tbody>
      </Section>
    </div>
  );
}

function Stat({ id, label, value }: { id: string; label: string; value: number | string }) {
  return (
    <div className="import-stat" data-testid={testIds.importStat(id)}>
      <dt>{label}</dt>
      <dd>{typeof value === 'number' ? value.toLocaleString('en-US') : value}</dd>
    </div>
  );
}

/** Per meter: readings by outcome, the reasons behind them, and the intervals booked. */
function MeterTable({ summary, dryRun }: { summary: ImportSummary; dryRun: boolean }) {
  const t = useT();
  const meters = meterViews(summary);
  return (
    <section className="import-section">
      <h3 className="import-section-title">{t('import.meters')}</h3>
      {meters.length === 0 ? (
        <p className="muted">{t('import.nothing')}</p>
      ) : (
        <div className="import-scroll">
          <table className="import-table">
            <thead>
              <tr>
                <th>{t('import.meter')}</th>
                <th className="num">{t('import.readings')}</th>
                <th className="num">{t('import.accepted')}</th>
                <th className="num">{t('import.duplicate')}</th>
                <th className="num">{t('import.conflict')}</th>
                <th className="num">{t('import.quarantined')}</th>
                <th>{t('import.reasons')}</th>
                <th className="num">
                  {dryRun ? t('import.intervalsWould') : t('import.intervalsBooked')}
                </th>
                <th className="num">{t('import.volume')}</th>
                <th>{t('import.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {meters.map((m) => (
                <tr key={m.meterId} data-testid={testIds.importMeterRow(m.meterId)}>
                  <td>
                    <MeterName id={m.meterId} />
                  </td>
                  <td className="num">{m.readings}</td>
                  <td className="num">{m.statuses.accepted}</td>
                  <td className="num">{m.statuses.duplicate}</td>
                  <td className="num">{m.statuses.conflict}</td>
                  <td className="num">{m.statuses.quarantined}</td>
                  <td>
                    <Counts counts={m.reasons} />
                  </td>
                  <td className="num">{m.intervals}</td>
                  <td className="num">
                    {formatLitres(m.volumeL)} {t('unit.L')}
                  </td>
                  <td>
                    <Counts counts={m.flags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A titled table of a capped list: its full count, its first rows, and how many are not shown. */
function Section<T>(props: {
  title: string;
  list: CappedList<T>;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  const { title, list, testId, children } = props;
  const hidden = list.count - list.rows.length;
  return (
    <section className="import-section" data-testid={testId} data-count={list.count}>
      <h3 className="import-section-title">
        {title}
        <span className="import-count">{t('import.count', { count: list.count })}</span>
      </h3>
      {list.count === 0 ? (
        <p className="muted">{t('import.nothing')}</p>
      ) : (
        <div className="import-scroll">
          <table className="import-table">{children}</table>
          {hidden > 0 && <p className="muted">{t('import.moreNotListed', { count: hidden })}</p>}
        </div>
      )}
    </section>
  );
}

function ReadingHead({ withFileTime = false }: { withFileTime?: boolean }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th className="num">{t('import.line')}</th>
        <th>{t('import.meter')}</th>
        {withFileTime && <th>{t('import.fileTime')}</th>}
        <th>{t('import.buildingTime')}</th>
        <th className="num">{t('import.value')}</th>
        <th>{t('import.outcome')}</th>
      </tr>
    </thead>
  );
}

/** A reading of the preview (with its time as written) or of the notes (without). */
type ShownReading = Omit<ImportPreviewRow, 'time'> & { readonly time: string | null };

function ReadingRow({ row, timeZone }: { row: ShownReading; timeZone: string }) {
  const t = useT();
  const labels = reasonLabels(row.reason);
  return (
    <tr data-status={row.status ?? ''}>
      <td className="num">{row.line}</td>
      <td>
        <MeterName id={row.meter} />
      </td>
      {row.time !== null && <td className="num">{row.time}</td>}
      <td className="num">{formatWallTime(row.tsMs, timeZone)}</td>
      <td className="num">
        {formatSentValue(row.value)} {t(UNIT_KEY[row.unit])}
      </td>
      <td>
        {row.status && (
          <span className={`import-status ${row.status}`}>{t(STATUS_KEY[row.status])}</span>
        )}
        <Labels labels={labels} />
      </td>
    </tr>
  );
}

function MeterName({ id }: { id: string }) {
  const lang = useUi((s) => s.lang);
  const site = useLive((s) => s.site);
  const meter = site ? siteIndex(site).meters.get(id)?.meter : undefined;
  return (
    <span className="import-meter" title={id}>
      {meter ? localName(meter.serves, lang) : id}
    </span>
  );
}

function Labels({ labels }: { labels: readonly Message[] }) {
  const t = useT();
  return (
    <>
      {labels.map((label) => (
        <span key={label.key + JSON.stringify(label.params ?? {})} className="import-tag">
          {t(label.key, label.params)}
        </span>
      ))}
    </>
  );
}

function Counts({ counts }: { counts: readonly CodeCount[] }) {
  const t = useT();
  if (counts.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {counts.map((c) => (
        <span key={c.code} className="import-tag" data-code={c.code}>
          {t(c.label.key, c.label.params)} <b>×{c.count}</b>
        </span>
      ))}
    </>
  );
}
