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

/** Collects keys as ids stream past, then answers them sorted and without repeats. */
export class RecordIdKeyList {
  private keys = new Float64Array(1024);
  private length = 0;

  add(recordId: string): void {
    this.addKey(recordIdKey(recordId));
  }

  addKey(key: number): void {
    if (this.length === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }

  /** The keys sorted, once each: sorted where they were collected (a 5M-record file's are 40 MB), so the list is spent. */
  sorted(): Float64Array {
    return uniqueInPlace(this.keys.subarray(0, this.length).sort());
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

/** Whether two sorted lists hold a key in common, by one merge that stops at the first. */
export function sharesKey(a: Float64Array, b: Float64Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else return true;
  }
  return false;
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
