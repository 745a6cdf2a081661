import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ErrorCode } from '../../models/errors';
import { MAX_IMPORT_BODY_BYTES, MAX_IMPORT_FILE_BYTES } from '../../models/importSummary';
import { ApiFailure } from '../apiFailure';
import { firstIssue } from '../ingest/readingsRoute';
import { bearerMatches } from '../ingest/token';
import type { Twin } from '../twin';
import { importCsv } from './csvImport';
import { ImportError, parseMapping } from './mapping';

const ImportBody = z
  .object({
    /** An import mapping (`server/import/mapping.ts`). */
    mapping: z.unknown(),
    /** The CSV file's text, as uploaded (a byte-order mark and CRLF are fine). */
    csv: z.string().min(1, 'csv is empty'),
  })
  .strict();

const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false'], { error: 'dryRun must be true or false' }).default('true'),
});

export interface ImportRouteOptions {
  readonly twin: Twin;
  /** The ingest bearer token: an import writes like ingest does. */
  readonly token: string;
  /** Whether a request comes from a signed-in engineer (the upload page's session). */
  readonly isEngineer?: (req: Request) => boolean;
  readonly logger: Logger;
}

/**
 * `POST /api/v1/import?dryRun=true|false` with `Authorization: Bearer <ingest token>` (or an
 * engineer's session, for the upload page) and a JSON body `{ "mapping": {…}, "csv": "…" }`
 * whose file is at most 8 MiB. Answers the import summary (`models/importSummary.ts`). `dryRun` defaults
 * to true: nothing is stored unless asked.
 * One import runs at a time; another gets 409. A real run commits batch by batch, so a
 * failure midway (a full disk) leaves the batches before it stored, each one whole.
 */
const tooLarge = (what: string) =>
  `${what} over the ${MAX_IMPORT_FILE_BYTES / 2 ** 20} MiB a file may have here; import larger ` +
  'files with `npm run import`';

export function importRoute({ twin, token, isEngineer, logger }: ImportRouteOptions): Router {
  const log = logger.child({ area: 'import' });
  const router = express.Router();
  let running = false;

  router.post(
    '/api/v1/import',
    (req, _res, next) => {
      if (!bearerMatches(req.headers.authorization, token) && !isEngineer?.(req)) {
        throw new ApiFailure(
          401,
          ErrorCode.unauthorized,
          'a valid "Authorization: Bearer <ingest token>" header or an engineer sign-in is ' +
            'required',
        );
      }
      next();
    },
    express.json({ limit: MAX_IMPORT_BODY_BYTES }),
    async (req, res) => {
      // Validate everything that can be checked before reading the file.
      const query = ImportQuery.safeParse(req.query);
      if (!query.success) {
        throw new ApiFailure(
          400,
          ErrorCode.badRequest,
          firstIssue('query', req.query, query.error),
        );
      }
      const body = ImportBody.safeParse(req.body);
      if (!body.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, body.error));
      }
      const fileBytes = Buffer.byteLength(body.data.csv, 'utf8');
      if (fileBytes > MAX_IMPORT_FILE_BYTES) {
        throw new ApiFailure(
          413,
          ErrorCode.payloadTooLarge,
          tooLarge(`file of ${fileBytes} bytes`),
        );
      }
      const dryRun = query.data.dryRun === 'true';
      if (running) {
        throw new ApiFailure(
          409,
          ErrorCode.conflict,
          'another import is running; try again when it ends',
        );
      }

      running = true;
      try {
        const mapping = parseMapping(body.data.mapping, 'body.mapping');
        const summary = await importCsv({
          twin,
          mapping,
          input: Readable.from([body.data.csv]),
          dryRun,
          logger: log,
        });
        res.json(summary);
      } catch (err) {
        if (err instanceof ImportError)
          throw new ApiFailure(400, ErrorCode.badRequest, err.message);
        throw err;
      } finally {
        running = false;
      }
    },
  );

  // Body-parser errors of this route, which allows a larger body than the rest of the API.
  router.use('/api/v1/import', (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if ((err as { type?: string }).type === 'entity.too.large') {
      res.status(413).json({
        code: ErrorCode.payloadTooLarge,
        message: tooLarge('body'),
      });
      return;
    }
    next(err);
  });
  return router;
}
