import { z } from 'zod';

/** The fields of a period of whole local days in a query: `from` and `to`, both included. */
export const DAY_PERIOD_FIELDS = {
  from: z.iso.date('a date written YYYY-MM-DD'),
  to: z.iso.date('a date written YYYY-MM-DD'),
};

/** Refuses a period whose end comes before its start. */
export function fromBeforeTo<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.refine((q) => q.to >= q.from, {
    message: 'to must not be before from',
    path: ['to'],
  });
}

/** A period of whole local days in a query. */
export const DayPeriod = fromBeforeTo(z.object(DAY_PERIOD_FIELDS));
