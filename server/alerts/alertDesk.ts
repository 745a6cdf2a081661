import type { Logger } from 'pino';
import type {
  Alert,
  AlertChange,
  AlertDetailResponse,
  AlertEvent,
  AlertStatus,
} from '../../models/alert';
import type { DetectorId, LeakCandidate } from '../../models/detection';
import { ErrorCode } from '../../models/errors';
import type { Tariff } from '../../models/site';
import { ApiFailure } from '../apiFailure';
import { m3PerDay } from '../detect/localise';
import type { AlertRow, AlertStore } from './alertStore';

export interface AlertDeskOptions {
  readonly store: AlertStore;
  readonly tariff: Tariff;
  /** Twin time, epoch ms; null before the twin's first step. */
  readonly nowMs: () => number | null;
  readonly logger: Logger;
}

/**
 * The alert lifecycle over the alert store: every change is stored first, then told to the
 * listeners (Socket.IO) as an `alert` event. Engineers act through the HTTP routes; the
 * detection runner opens, updates and auto-resolves.
 */
export class AlertDesk {
  private readonly store: AlertStore;
  private readonly tariff: Tariff;
  private readonly nowMs: () => number | null;
  private readonly log: Logger;
  private readonly listeners = new Set<(event: AlertEvent) => void>();
  /** Events held back until the batch that made them commits. */
  private pending: AlertEvent[] | null = null;

  constructor(options: AlertDeskOptions) {
    this.store = options.store;
    this.tariff = options.tariff;
    this.nowMs = options.nowMs;
    this.log = options.logger;
  }

  onAlert(listener: (event: AlertEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `work` (the runner's opens, updates and resolutions) in one transaction, and tells
   * the listeners only once it has committed: nothing is announced that was not stored.
   */
  batch(work: () => void): void {
    this.pending = [];
    let events: AlertEvent[] = [];
    try {
      this.store.transaction(work);
      events = this.pending;
    } finally {
      this.pending = null;
    }
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  list(statuses: readonly AlertStatus[]): Alert[] {
    return this.store.list(statuses).map((r) => this.toAlert(r));
  }

  /** Alerts not yet resolved, newest first (the snapshot's `alerts`). */
  unresolved(): Alert[] {
    return this.list(['open', 'acknowledged']);
  }

  detail(id: number): AlertDetailResponse {
    return { alert: this.toAlert(this.require(id)), history: this.store.history(id) };
  }

  /** An engineer acknowledges an open alert; 404 unknown, 409 not open. */
  acknowledge(id: number, note: string, by: string): Alert {
    const row = this.require(id);
    if (row.status !== 'open') {
      throw new ApiFailure(
        409,
        ErrorCode.conflict,
        `alert ${id} is ${row.status}: only an open alert can be acknowledged`,
      );
    }
    this.store.acknowledge(id, this.twinNow(), by, note);
    return this.tell(id, 'acknowledged');
  }

  /** An engineer resolves an open or acknowledged alert; 404 unknown, 409 already resolved. */
  resolveByHand(id: number, by: string, note: string | null): Alert {
    const row = this.require(id);
    if (row.status === 'resolved') {
      throw new ApiFailure(409, ErrorCode.conflict, `alert ${id} is already resolved`);
    }
    this.store.resolve(id, this.twinNow(), 'engineer', by, note);
    return this.tell(id, 'resolved');
  }

  /** The open or acknowledged alert of a meter and detector, if any. */
  active(meterId: string, detector: DetectorId): AlertRow | undefined {
    return this.store.active(meterId, detector);
  }

  /** The latest evidence end any alert of a meter and detector covered, epoch ms. */
  coveredUntil(meterId: string, detector: DetectorId): number | null {
    return this.store.coveredUntil(meterId, detector);
  }

  open(candidate: LeakCandidate, nowMs: number): Alert {
    const id = this.store.open(candidate, nowMs);
    this.log.info(
      {
        alert: id,
        meter: candidate.meterId,
        detector: candidate.detector,
        lossLph: candidate.lossLph,
      },
      'alert opened',
    );
    return this.tell(id, 'opened');
  }

  /** Later evidence for an active alert. */
  update(id: number, candidate: LeakCandidate): Alert {
    this.store.updateEvidence(id, candidate);
    return this.tell(id, 'updated');
  }

  /** The evidence stopped for the set time. */
  autoResolve(id: number, nowMs: number): Alert {
    this.store.resolve(id, nowMs, 'auto', 'auto', 'evidence stopped');
    this.log.info({ alert: id }, 'alert resolved: evidence stopped');
    return this.tell(id, 'resolved');
  }

  private require(id: number): AlertRow {
    const row = this.store.get(id);
    if (row === undefined) throw new ApiFailure(404, ErrorCode.notFound, `no alert with id ${id}`);
    return row;
  }

  private twinNow(): number {
    const nowMs = this.nowMs();
    if (nowMs === null) {
      throw new ApiFailure(409, ErrorCode.conflict, 'the twin has not started its clock yet');
    }
    return nowMs;
  }

  private tell(id: number, change: AlertChange): Alert {
    const alert = this.toAlert(this.require(id));
    if (this.pending !== null) this.pending.push({ change, alert });
    else for (const listener of this.listeners) listener({ change, alert });
    return alert;
  }

  private toAlert(row: AlertRow): Alert {
    const lossM3PerDay = m3PerDay(row.lossLph);
    const price =
      this.tariff.waterYuanPerM3 === undefined
        ? null
        : this.tariff.waterYuanPerM3 + (this.tariff.sewageYuanPerM3 ?? 0);
    return {
      id: row.id,
      detector: row.detector,
      meterId: row.meterId,
      status: row.status,
      openedMs: row.openedMs,
      window: { startMs: row.windowStartMs, endMs: row.evidenceEndMs },
      confidence: row.confidence,
      suspects: row.suspects,
      // Estimates: shown to 0.1 L/h, 1 L a day and 1 fen; the stored figure keeps full precision.
      lossLph: roundTo(row.lossLph, 1),
      lossM3PerDay: roundTo(lossM3PerDay, 3),
      lossYuanPerDay: price === null ? null : roundTo(lossM3PerDay * price, 2),
      evidence: row.evidence,
      ackNote: row.ackNote,
      ackBy: row.ackBy,
      ackMs: row.ackMs,
      resolvedMs: row.resolvedMs,
      resolvedBy: row.resolvedBy,
    };
  }
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
