/**
 * UTF-16 input → UTF-8 for the byte readers. Matomo writes its CSV and TSV exports in UTF-16LE
 * with a byte-order mark (`FF FE`) unless asked `convertToUnicode=0`, so spreadsheets open them
 * with their accents; a file starting with that mark (or `FE FF`, big-endian) is decoded on the
 * fly (TextDecoder in streaming mode, so a character split across chunks is kept whole) and
 * re-encoded as UTF-8. Any other file goes through untouched, at no cost.
 */
type Source = { push(chunk: Uint8Array): void; end(): void; endsBetweenRecords?(): boolean };

export function utf16Aware(inner: Source): Source {
  let decoder: TextDecoder | null = null;
  let decided = false;
  let head: Uint8Array | null = null;
  const feed = (chunk: Uint8Array) => {
    if (decoder) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') inner.push(Buffer.from(text, 'utf8'));
    } else inner.push(chunk);
  };
  const decide = (chunk: Uint8Array) => {
    decided = true;
    const a = chunk[0];
    const b = chunk[1];
    if (a === 0xff && b === 0xfe) decoder = new TextDecoder('utf-16le', { ignoreBOM: false });
    else if (a === 0xfe && b === 0xff) decoder = new TextDecoder('utf-16be', { ignoreBOM: false });
    feed(chunk);
  };
  const source: Source = {
    push(chunk) {
      if (decided) return feed(chunk);
      const bytes = head ? Buffer.concat([head, chunk]) : chunk;
      if (bytes.length < 2) {
        head = Buffer.from(bytes);
        return;
      }
      head = null;
      decide(bytes);
    },
    end() {
      if (!decided && head) decide(head);
      if (decoder) {
        const rest = decoder.decode();
        if (rest !== '') inner.push(Buffer.from(rest, 'utf8'));
      }
      inner.end();
    },
  };
  if (inner.endsBetweenRecords) {
    source.endsBetweenRecords = () => decoder === null && (inner.endsBetweenRecords?.() ?? true);
  }
  return source;
}
