import express, { type Router } from 'express';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ComplianceReport, Ledger } from '../../models/compliance';
import { ErrorCode } from '../../models/errors';
import type { ScorecardResponse } from '../../models/scorecard';
import { ApiFailure } from '../apiFailure';
import { firstIssue } from '../ingest/readingsRoute';
import { complianceWorkbook, EXPORT_SHEETS, sheetCsv, workbookXlsx } from './exports';
import { DAY_PERIOD_FIELDS, fromBeforeTo } from './period';
import {
  type ComplianceInputs,
  complianceLedger,
  complianceReport,
  networkDiagram,
  type ReportOptions,
} from './report';

/** Longest period one compliance call covers, days (a year and a month). */
export const MAX_PERIOD_DAYS = 400;

const PeriodQuery = fromBeforeTo(
  z.object({
    ...DAY_PERIOD_FIELDS,
    // Absent: the steady known unmetered use engineers set (lobby settings), else the default.
    knownUnmeteredM3PerDay: z.coerce
      .number('a number of m³ per day')
      .nonnegative('0 or more m³ per day')
      .optional(),
    step: z.enum(['day', 'month'], 'day or month').default('day'),
    sheet: z.enum(EXPORT_SHEETS, `one of ${EXPORT_SHEETS.join(', ')}`).default('ledger-day'),
    lang: z.enum(['zh', 'en'], 'zh or en').default('zh'),
  }),
);

/** The report options a query sets: the known unmetered use per day, when it gives one. */
function reportOptions(q: { knownUnmeteredM3PerDay?: number | undefined }): ReportOptions {
  return q.knownUnmeteredM3PerDay === undefined
    ? {}
    : { knownUnmeteredM3PerDay: q.knownUnmeteredM3PerDay };
}

export interface ComplianceRoutesOptions {
  /** The self-assessment of a period; the workbook gains a sheet for it when given. */
  readonly scorecard?: (report: ComplianceReport, daily: Ledger) => ScorecardResponse;
}

/**
 * The compliance API, readable by all (the views show no personal data):
 * `GET /api/v1/compliance/report|ledger|network|export.xlsx|export.csv`.
 */
export function complianceRoutes(
  inputs: ComplianceInputs,
  logger: Logger,
  options: ComplianceRoutesOptions = {},
): Router {
  const log = logger.child({ area: 'compliance' });
  const router = express.Router();

  const period = (query: unknown) => {
    const parsed = PeriodQuery.safeParse(query);
    if (!parsed.success) {
      throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('query', query, parsed.error));
    }
    const q = parsed.data;
    const days = DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days + 1;
    if (days > MAX_PERIOD_DAYS) {
      throw new ApiFailure(
        400,
        ErrorCode.rangeTooLong,
        `query.to: ${JSON.stringify(q.to)} — a period spans at most ${MAX_PERIOD_DAYS} days ` +
          `(${q.from} to ${q.to} is ${days})`,
      );
    }
    return q;
  };

  router.get('/api/v1/compliance/network', (_req, res) => {
    res.json(networkDiagram(inputs.site, inputs.tree));
  });

  router.get('/api/v1/compliance/report', (req, res) => {
    const q = period(req.query);
    const started = performance.now();
    const report = complianceReport(inputs, q.from, q.to, reportOptions(q));
    log.debug({ from: q.from, to: q.to, durationMs: performance.now() - started }, 'report');
    res.setHeader('Cache-Control', 'no-store');
    res.json(report);
  });

  router.get('/api/v1/compliance/ledger', (req, res) => {
    const q = period(req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json(complianceLedger(inputs, q.from, q.to, q.step));
  });

  const workbook = (q: ReturnType<typeof period>) => {
    const report = complianceReport(inputs, q.from, q.to, reportOptions(q));
    const daily = complianceLedger(inputs, q.from, q.to, 'day');
    return complianceWorkbook({
      site: inputs.site,
      report,
      daily,
      monthly: complianceLedger(inputs, q.from, q.to, 'month'),
      lang: q.lang,
      ...(options.scorecard ? { scorecard: options.scorecard(report, daily) } : {}),
    });
  };

  router.get('/api/v1/compliance/export.xlsx', async (req, res) => {
    const q = period(req.query);
    const body = await workbookXlsx(workbook(q));
    res.attachment(`compliance-${q.from}-${q.to}.xlsx`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.send(body);
  });

  router.get('/api/v1/compliance/export.csv', async (req, res) => {
    const q = period(req.query);
    const body = await sheetCsv(workbook(q), q.sheet);
    res.attachment(`${q.sheet}-${q.from}-${q.to}.csv`);
    res.type('text/csv; charset=utf-8');
    res.send(body);
  });

  return router;
}
