/**
 * Writing a large text file (a staff list of hundreds of thousands of rows)
 * as UTF-8 bytes straight into buffers of about a megabyte, instead of
 * building strings and encoding them. Callers encode a text that repeats (a
 * conversation plan, a group name, a label) once and copy its bytes; numbers
 * are written digit by digit. Each full buffer goes to `flush` and is not
 * touched again, so the receiver may keep it.
 */

const CHUNK_BYTES = 1 << 20;

export class ByteWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;

  constructor(private readonly flush: (bytes: Buffer) => void) {}

  private room(bytes: number): void {
    if (this.length + bytes > this.buffer.length) this.next(bytes);
  }

  private next(atLeast: number): void {
    if (this.length > 0) this.flush(this.buffer.subarray(0, this.length));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, atLeast));
    this.length = 0;
  }

  /** Any text, encoded as UTF-8. */
  text(value: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    this.room(value.length * 3);
    this.length += this.buffer.write(value, this.length);
  }

  /** Bytes as they are (a text encoded once). */
  bytes(value: Uint8Array): void {
    const count = value.length;
    this.room(count);
    const { buffer } = this;
    let at = this.length;
    if (count > 32) buffer.set(value, at);
    else for (let index = 0; index < count; index++) buffer[at++] = value[index]!;
    this.length += count;
  }

  /** A text of ASCII characters only (digits, a dash), byte by byte. */
  ascii(value: string): void {
    const count = value.length;
    this.room(count);
    const { buffer } = this;
    let at = this.length;
    for (let index = 0; index < count; index++) buffer[at++] = value.charCodeAt(index);
    this.length = at;
  }

  /** A number as `String(value)` writes it; whole numbers digit by digit. */
  number(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      this.ascii(String(value));
      return;
    }
    this.room(16);
    const { buffer } = this;
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.length + digits - 1;
    for (let rest = value; ; rest = Math.floor(rest / 10)) {
      buffer[at--] = 48 + (rest % 10);
      if (rest < 10) break;
    }
    this.length += digits;
  }

  /** Hands over what is left. */
  end(): void {
    if (this.length > 0) this.flush(this.buffer.subarray(0, this.length));
    this.buffer = Buffer.alloc(0);
    this.length = 0;
  }
}
