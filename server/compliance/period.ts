import { z } from 'zod';

/** A period of whole local days in a query: `from` and `to`, both included. */
export const DayPeriod = z
  .object({
    from: z.iso.date('a date written YYYY-MM-DD'),
    to: z.iso.date('a date written YYYY-MM-DD'),
  })
  .refine((q) => q.to >= q.from, { message: 'to must not be before from', path: ['to'] });
