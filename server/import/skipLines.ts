import { Transform } from 'node:stream';

/**
 * Drops the first `count` lines of a byte or text stream unread, so a preamble (a title,
 * export notes, stray quotes) never reaches the CSV parser. Lines end at `\n`, so CRLF files
 * work too; a byte-order mark at the start goes with the first line.
 */
export function skipLines(count: number): Transform {
  let left = count;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      while (left > 0) {
        const end = bytes.indexOf(0x0a);
        if (end < 0) return done();
        bytes = bytes.subarray(end + 1);
        left -= 1;
      }
      done(null, bytes.length > 0 ? bytes : undefined);
    },
  });
}
