/** A serialised answer, good while the data version it was made at is current. */
export interface CachedAnswer {
  version: string;
  etag: string;
  contentType: string;
  /** UTF-8, encoded once: encoding a large string on every write cost more than the rest */
  body: Buffer;
}

/**
 * Where answers are kept between requests. Per process for now (DESIGN: per-process state
 * sits behind a small interface); since every entry carries the data version it was made
 * at, several processes each with their own store still never serve a stale answer.
 */
export interface AnswerStore {
  get(key: string, version: string): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
}

/** Least recently used first out, bounded by the bytes of the bodies it holds. */
export class MemoryAnswerStore implements AnswerStore {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string, version: string): CachedAnswer | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    if (found.version !== version) {
      this.delete(key, found);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks the entry as recently used.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  set(key: string, answer: CachedAnswer): void {
    const size = this.sizeOf(key, answer);
    if (size > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    this.entries.set(key, answer);
    this.bytes += size;
    for (const [k, a] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k, a);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string, answer: CachedAnswer) {
    this.entries.delete(key);
    this.bytes -= this.sizeOf(key, answer);
  }

  private sizeOf(key: string, a: CachedAnswer) {
    return a.body.byteLength + 2 * (key.length + a.etag.length + a.version.length);
  }
}
