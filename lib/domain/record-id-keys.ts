/**
 * Record id keys: a file's record ids as a sorted list of 53-bit hashes, small enough to keep beside
 * its records (8 bytes a record) and to compare with another file's in one merge. Two files share
 * a record id only if they share its key, so checking a file against the contract's other files
 * for repeated ids reads their keys instead of their records, and reads the records only of the
 * files that share a key. A shared key is a reason to look, never a finding: the ids are compared.
 */

/** Two 32-bit FNV-1a variants over the id's UTF-16 code units, joined into an exact double. */
export function recordIdKey(recordId: string): number {
  let high = 0x811c9dc5;
  let low = 0x01000193 ^ recordId.length;
  for (let at = 0; at < recordId.length; at++) {
    const unit = recordId.charCodeAt(at);
    high = Math.imul(high ^ unit, 0x01000193);
    low = Math.imul(low ^ unit, 0x5bd1e995);
    low ^= low >>> 15;
  }
  // 32 bits of one and 21 of the other: an integer below 2^53, which a double holds exactly.
  return (high >>> 0) * 0x200000 + (low >>> 11);
}

const bucketCount = 256;
/** Keys are below 2^53: their top 8 bits pick the bucket, so the buckets follow one another in key order. */
const bucketWidth = 2 ** 45;
const largestBlockKeys = 2048;

/**
 * Collects keys as ids stream past, then answers them sorted and without repeats. They are kept
 * in 256 buckets by their top bits, each a list of blocks of up to 2,048 keys: the list holds
 * 8 bytes a key and a few MB more, never a doubled array (a 5M-record file's keys are 40 MB, a
 * doubling array's up to 64 MB, and 96 MB while it grows), and each bucket is sorted on its own.
 */
export class RecordIdKeyList {
  private readonly blocks: Float64Array[][] = Array.from({ length: bucketCount }, () => []);
  private readonly counts = new Uint32Array(bucketCount);
  /** How much of each bucket's last block is used. */
  private readonly filled = new Uint16Array(bucketCount);
  private length = 0;

  add(recordId: string): void {
    this.addKey(recordIdKey(recordId));
  }

  addKey(key: number): void {
    const bucket = Math.floor(key / bucketWidth);
    const blocks = this.blocks[bucket]!;
    let block = blocks.at(-1);
    if (!block || this.filled[bucket] === block.length) {
      // Small blocks first, so that a small file's list stays small.
      block = new Float64Array(Math.min(largestBlockKeys, 16 * 2 ** blocks.length));
      blocks.push(block);
      this.filled[bucket] = 0;
    }
    block[this.filled[bucket]!++] = key;
    this.counts[bucket]!++;
    this.length++;
  }

  /** The keys sorted, once each, a bucket at a time; each bucket's blocks are let go as it is answered, so the list is spent. */
  *sortedPieces(): Generator<Float64Array> {
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      const keys = new Float64Array(this.counts[bucket]!);
      let at = 0;
      for (const block of this.blocks[bucket]!) {
        const used = block.subarray(0, keys.length - at);
        keys.set(used, at);
        at += used.length;
      }
      this.blocks[bucket] = [];
      if (keys.length > 0) yield uniqueInPlace(keys.sort());
    }
  }

  /** The keys sorted, once each, in one array; the list is spent. */
  sorted(): Float64Array {
    const all = new Float64Array(this.length);
    let length = 0;
    for (const piece of this.sortedPieces()) {
      all.set(piece, length);
      length += piece.length;
    }
    return all.subarray(0, length);
  }
}

export function sortedUniqueKeys(keys: Float64Array): Float64Array {
  return uniqueInPlace(Float64Array.from(keys).sort());
}

/** A sorted list without its repeats, in the same memory. */
function uniqueInPlace(sorted: Float64Array): Float64Array {
  let kept = 0;
  for (let at = 0; at < sorted.length; at++) {
    if (at === 0 || sorted[at] !== sorted[at - 1]) sorted[kept++] = sorted[at]!;
  }
  return sorted.subarray(0, kept);
}

/** A sorted list of keys as consecutive pieces, as they are read from storage a MiB at a time. */
export type KeyPieces = Iterable<Float64Array> | AsyncIterable<Float64Array>;

/**
 * For each of `others`, whether it holds a key of `own`: one merge of `own` with all of them at
 * once, taking every list a piece at a time, so that a big file is read once however many files
 * it is compared with, holding one piece of each. A list is read no further once it is found to
 * share a key or `own` ends.
 */
export async function keysSharedWith(own: KeyPieces, others: readonly KeyPieces[]): Promise<boolean[]> {
  const cursors = others.map(keyCursor);
  const shared = others.map(() => false);
  try {
    for (const cursor of cursors) await cursor.start();
    for await (const piece of own) {
      for (const [other, cursor] of cursors.entries()) {
        if (!shared[other]) shared[other] = await cursor.holdsAnyOf(piece);
      }
      if (shared.every(Boolean)) break;
    }
    return shared;
  } finally {
    await Promise.all(cursors.map((cursor) => cursor.stop()));
  }
}

/** A sorted list of keys in pieces, read forward as far as the comparisons need. */
function keyCursor(pieces: KeyPieces) {
  const iterator = Symbol.asyncIterator in pieces ? pieces[Symbol.asyncIterator]() : pieces[Symbol.iterator]();
  let piece: Float64Array | null = null;
  let at = 0;
  const nextPiece = async () => {
    for (let step = await iterator.next(); ; step = await iterator.next()) {
      piece = step.done ? null : step.value;
      at = 0;
      if (!piece || piece.length > 0) return;
    }
  };
  return {
    start: nextPiece,
    /** Whether the list holds a key of `sorted`, which starts past every key asked about before. */
    async holdsAnyOf(sorted: Float64Array): Promise<boolean> {
      let i = 0;
      while (i < sorted.length && piece) {
        const key = piece[at]!;
        if (sorted[i]! < key) i++;
        else if (sorted[i]! > key) {
          if (++at === piece.length) await nextPiece();
        } else return true;
      }
      return false;
    },
    stop: async () => {
      await iterator.return?.();
    },
  };
}

/** A sorted list with one more key. */
export function withKey(keys: Float64Array, recordId: string): Float64Array {
  const key = recordIdKey(recordId);
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  if (keys[low] === key) return keys;
  const grown = new Float64Array(keys.length + 1);
  grown.set(keys.subarray(0, low));
  grown[low] = key;
  grown.set(keys.subarray(low), low + 1);
  return grown;
}

const filterBits = 2 ** 27; // 16 MiB, whatever the number of records
const filterProbes = 5;

/**
 * The record ids a file has shown so far, as a Bloom filter of their keys: a fixed 16 MiB answers
 * "maybe seen" for every id seen before (never a miss) and, for an id not seen, wrongly so for at
 * most one record in 15 million at 1M records and one in 7,000 at 5M. Reading a file, an id it
 * may have seen marks its record to be compared exactly by the database once the rows are in, a
 * scan of the rows (1.2 s at 1M) that a file of a million rows without a repeated id nearly never
 * pays; and the memory never grows with the rows, as a set of the ids did (issue 22).
 */
export class SeenRecordIds {
  private readonly bits = new Uint8Array(filterBits / 8);

  /** Adds the key; true when every bit it sets was set already (the id may have been seen). */
  addAndCheck(key: number): boolean {
    // Double hashing: two independent parts of the 53-bit key make the probes.
    const first = key % filterBits;
    const step = Math.floor(key / filterBits) | 1;
    let seen = true;
    for (let probe = 0; probe < filterProbes; probe++) {
      const bit = (first + probe * step) % filterBits;
      const mask = 1 << (bit & 7);
      if ((this.bits[bit >>> 3]! & mask) === 0) {
        seen = false;
        this.bits[bit >>> 3]! |= mask;
      }
    }
    return seen;
  }
}

/** Keys as stored (little-endian doubles), and back. */
export function keysToBytes(keys: Float64Array): Uint8Array {
  const bytes = new Uint8Array(keys.length * 8);
  const view = new DataView(bytes.buffer);
  keys.forEach((key, at) => view.setFloat64(at * 8, key, true));
  return bytes;
}

export function keysFromBytes(bytes: Uint8Array): Float64Array {
  const keys = new Float64Array(bytes.length / 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < keys.length; at++) keys[at] = view.getFloat64(at * 8, true);
  return keys;
}
