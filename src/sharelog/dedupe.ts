/**
 * The dedupe key of an event id read as a string (JSON Lines, access logs, quoted CSV): its UTF-8
 * bytes, as the CSV fast path reads them, so both paths key the same text the same way (the
 * store then keeps only a keyed hash of those bytes; store/hash.ts, store/week.ts). A string with
 * lone surrogates has no UTF-8 form (they would all become U+FFFD and collide), so it is keyed as
 * 0xFF + its UTF-16 code units instead: 0xFF never occurs in UTF-8, so such keys can equal
 * neither a UTF-8 key nor each other unless the strings are equal. The holder is reused.
 */
const key = { bytes: Buffer.alloc(256), length: 0 };

export function idKey(id: string): { bytes: Buffer; length: number } {
  const wellFormed = id.isWellFormed();
  const need = wellFormed ? Buffer.byteLength(id) : 1 + 2 * id.length;
  if (need > key.bytes.length) key.bytes = Buffer.alloc(need * 2);
  const bytes = key.bytes;
  if (wellFormed) key.length = bytes.write(id, 0, 'utf8');
  else {
    bytes[0] = 0xff;
    key.length = 1 + bytes.write(id, 1, 'utf16le');
  }
  return key;
}
