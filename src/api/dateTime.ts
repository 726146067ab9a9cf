import { z } from 'zod';

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A point in time a query may name (`before`, `from`, `to`): an ISO date-time between 1970 and
 * 9999, the range our records live in and every database and `Date` can hold.
 */
export const queryDateTime = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an ISO date-time` }).refine((value) => {
    const time = Date.parse(value);
    return time >= EARLIEST && time <= LATEST;
  }, `${name} must be a date from 1970 on`);
