import { z } from 'zod';
import type { DetectionWindow, DetectorId, Evidence, SuspectPipe } from './detection';

/**
 * Leak alerts with a lifecycle (DESIGN §7–§8): a detector's candidate becomes an alert that is
 * open, then acknowledged by an engineer with a note, then resolved (automatically once its
 * evidence has stopped for a set time, or by hand). Times are twin time, epoch ms.
 */

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What happened to an alert: the `alert` Socket.IO event and the history rows say which. */
export type AlertChange = 'opened' | 'updated' | 'acknowledged' | 'resolved';

export interface Alert {
  readonly id: number;
  readonly detector: DetectorId;
  readonly meterId: string;
  readonly status: AlertStatus;
  /** Twin time the alert was opened, epoch ms. */
  readonly openedMs: number;
  /** First to last piece of evidence; the end moves on while the evidence goes on. */
  readonly window: DetectionWindow;
  /** 0–1, as the detector scored it. */
  readonly confidence: number;
  /** The metering area's pipes (narrowed to the lowest meter that explains the loss). */
  readonly suspects: readonly SuspectPipe[];
  /** Estimated loss, L/h. */
  readonly lossLph: number;
  /** The same loss, m³ per day. */
  readonly lossM3PerDay: number;
  /** The loss priced by the site's water (+ sewage) tariff, yuan per day; null when unset. */
  readonly lossYuanPerDay: number | null;
  readonly evidence: Evidence;
  /** The engineer's note on acknowledging; null before. */
  readonly ackNote: string | null;
  /** Who acknowledged (a name the engineer gave, or `engineer`); null before. */
  readonly ackBy: string | null;
  /** Twin time of the acknowledgement, epoch ms. */
  readonly ackMs: number | null;
  /** Twin time it was resolved, epoch ms. */
  readonly resolvedMs: number | null;
  /** `auto`: the evidence stopped for the set time; `engineer`: resolved by hand. */
  readonly resolvedBy: 'auto' | 'engineer' | null;
}

/** One row of an alert's history. */
export interface AlertHistoryEntry {
  readonly change: AlertChange;
  /** Twin time, epoch ms. */
  readonly tMs: number;
  readonly by: string | null;
  readonly note: string | null;
}

/** The `alert` Socket.IO event: an alert as it now stands, and what changed. */
export interface AlertEvent {
  readonly change: AlertChange;
  readonly alert: Alert;
}

/** `GET /api/v1/alerts?status=`: newest first. */
export interface AlertsResponse {
  readonly alerts: readonly Alert[];
}

/** `GET /api/v1/alerts/:id`: the alert and its history, oldest first. */
export interface AlertDetailResponse {
  readonly alert: Alert;
  readonly history: readonly AlertHistoryEntry[];
}

/** `POST /api/v1/alerts/:id/ack`: what the engineer found or did. */
export const AckAlertBody = z.object({
  note: z
    .string({ error: 'a note saying what was found or done' })
    .trim()
    .min(1, 'a note saying what was found or done, not empty')
    .max(1000, 'at most 1000 characters'),
  by: z.string().trim().min(1, 'a name, not empty').max(64, 'at most 64 characters').optional(),
});
export type AckAlertBody = z.infer<typeof AckAlertBody>;

/** `POST /api/v1/alerts/:id/resolve`: an optional note. */
export const ResolveAlertBody = z.object({
  note: z.string().trim().max(1000, 'at most 1000 characters').optional(),
  by: z.string().trim().min(1, 'a name, not empty').max(64, 'at most 64 characters').optional(),
});
export type ResolveAlertBody = z.infer<typeof ResolveAlertBody>;
