/**
 * The event blocks of the share-log store: the valid, in-range events of one input part and one
 * ISO week, in file order, as columns. A block holds no name: ambassadors, contents, teams and
 * variants are the part's own dictionary ids (store/part.ts), and an event id only as a keyed
 * 64-bit hash (store/hash.ts), so the block files can sit in a CI cache without exposing anyone.
 *
 * Layout (little-endian): a 16-byte header (magic, Monday's day number, event count, CRC-32 of
 * the payload), then the columns: ms as float64, then amb, content, team, variant, id hash high
 * and low as int32, then one byte per event: network·8 + event, +128 when the row had an event id,
 * then the local day's offset from Monday (0-6); the row's weight (1, or an analytics report's
 * visits) is a seventh int32 column after the id hash, and its source (types.ts SOURCES) one more
 * byte at the end. 39 bytes an event. The CRC makes a torn or flipped block detectable, never silently read.
 */
import { crc32 } from 'node:zlib';

const MAGIC = 0x52454c31; // "REL1"
const HEADER = 16;
export const EVENT_BYTES = 39;
export const HAS_ID = 128;

export class CorruptBlock extends Error {}

/** The columns of a block; the builder and the reader share this shape. */
export interface Columns {
  count: number;
  ms: Float64Array;
  amb: Int32Array;
  content: Int32Array;
  team: Int32Array;
  variant: Int32Array;
  idHi: Int32Array;
  idLo: Int32Array;
  kind: Uint8Array;
  /** Day of the week, 0 = Monday: the event's local day is the block's Monday + dow. */
  dow: Uint8Array;
  /** Events the row stands for (1, or a report's visits). */
  weight: Int32Array;
  /** Index in types.ts SOURCES. */
  source: Uint8Array;
}

function views(buffer: ArrayBuffer, offset: number, n: number): Omit<Columns, 'count'> {
  const int = (i: number) => new Int32Array(buffer, offset + 8 * n + 4 * n * i, n);
  return {
    ms: new Float64Array(buffer, offset, n),
    amb: int(0),
    content: int(1),
    team: int(2),
    variant: int(3),
    idHi: int(4),
    idLo: int(5),
    weight: int(6),
    kind: new Uint8Array(buffer, offset + 36 * n, n),
    dow: new Uint8Array(buffer, offset + 37 * n, n),
    source: new Uint8Array(buffer, offset + 38 * n, n),
  };
}

/** A growing block for one week: `push` appends an event, `encode` gives the block's bytes. */
export function createBuilder(capacity = 256) {
  let cap = capacity;
  let buf = new ArrayBuffer(EVENT_BYTES * cap);
  let cols = views(buf, 0, cap);
  const block: Columns = { count: 0, ...cols };
  function grow(): void {
    const old = cols;
    cap *= 2;
    buf = new ArrayBuffer(EVENT_BYTES * cap);
    cols = views(buf, 0, cap);
    for (const name of Object.keys(cols) as Array<keyof typeof cols>) cols[name].set(old[name] as never);
    Object.assign(block, cols);
  }
  return {
    block,
    push(
      ms: number,
      amb: number,
      content: number,
      team: number,
      variant: number,
      hi: number,
      lo: number,
      kind: number,
      dow: number,
      weight: number,
      source: number,
    ) {
      if (block.count === cap) grow();
      const i = block.count++;
      cols.ms[i] = ms;
      cols.amb[i] = amb;
      cols.content[i] = content;
      cols.team[i] = team;
      cols.variant[i] = variant;
      cols.idHi[i] = hi;
      cols.idLo[i] = lo;
      cols.kind[i] = kind;
      cols.dow[i] = dow;
      cols.weight[i] = weight;
      cols.source[i] = source;
    },
    /** The block's bytes (header + packed columns); the builder is then empty again. */
    encode(monday: number): Buffer {
      const n = block.count;
      const out = Buffer.alloc(HEADER + EVENT_BYTES * n);
      const packed = new Uint8Array(out.buffer, out.byteOffset + HEADER, EVENT_BYTES * n);
      let at = 0;
      for (const name of [
        'ms',
        'amb',
        'content',
        'team',
        'variant',
        'idHi',
        'idLo',
        'weight',
        'kind',
        'dow',
        'source',
      ] as const) {
        const col = cols[name];
        const bytes = new Uint8Array(col.buffer, col.byteOffset, n * col.BYTES_PER_ELEMENT);
        packed.set(bytes, at);
        at += bytes.length;
      }
      out.writeUInt32LE(MAGIC, 0);
      out.writeInt32LE(monday, 4);
      out.writeUInt32LE(n, 8);
      out.writeUInt32LE(crc32(packed), 12);
      block.count = 0;
      return out;
    },
  };
}

export const blockBytes = (count: number) => HEADER + EVENT_BYTES * count;

/** Reads a block back from its bytes, checking magic, week, count and CRC. */
export function decodeBlock(bytes: Uint8Array, monday: number, count: number, where: string): Columns {
  if (bytes.length !== blockBytes(count))
    throw new CorruptBlock(`${where}: block is ${bytes.length} bytes, expected ${blockBytes(count)}`);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, HEADER);
  if (head.readUInt32LE(0) !== MAGIC || head.readInt32LE(4) !== monday || head.readUInt32LE(8) !== count) {
    throw new CorruptBlock(`${where}: block header does not match the manifest`);
  }
  const aligned = new ArrayBuffer(EVENT_BYTES * count);
  const packed = new Uint8Array(aligned);
  packed.set(bytes.subarray(HEADER));
  if (crc32(packed) !== head.readUInt32LE(12)) throw new CorruptBlock(`${where}: block checksum mismatch`);
  return { count, ...views(aligned, 0, count) };
}
