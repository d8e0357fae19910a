// Seeded randomness: every uid, IP, name suffix and jitter in the engine comes from here, so the
// same seed and inputs give the same trace. sfc32: small, fast, and its state is four numbers,
// which makes checkpoints trivial.

export type RngState = readonly [number, number, number, number]

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number | RngState) {
    if (typeof seed === 'number') {
      this.a = 0x9e3779b9
      this.b = 0x243f6a88
      this.c = 0xb7e15162
      this.d = seed >>> 0
      for (let i = 0; i < 15; i++) this.next()
    } else {
      ;[this.a, this.b, this.c, this.d] = seed
    }
  }

  state(): RngState {
    return [this.a, this.b, this.c, this.d]
  }

  restore(s: RngState): void {
    ;[this.a, this.b, this.c, this.d] = s
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  next(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    const t = (this.a + this.b + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  /** `base` spread by ±`fraction` (e.g. 0.2 → 80%..120%), rounded to whole milliseconds. */
  jitter(base: number, fraction: number): number {
    return Math.round(base * (1 - fraction + 2 * fraction * this.float()))
  }

  /** A random RFC 4122 version-4 UUID, as Kubernetes uids look. */
  uuid(): string {
    const w1 = this.next()
    const w2 = this.next()
    const w3 = this.next()
    const w4 = this.next()
    return (
      hex16(w1 >>> 16) +
      hex16(w1) +
      '-' +
      hex16(w2 >>> 16) +
      '-' +
      hex16(0x4000 | (w2 & 0x0fff)) +
      '-' +
      hex16(0x8000 | ((w3 >>> 16) & 0x3fff)) +
      '-' +
      hex16(w3) +
      hex16(w4 >>> 16) +
      hex16(w4)
    )
  }

  /** `length` characters from Kubernetes' name-suffix alphabet (utilrand.String: no vowels, no 0/1/3). */
  suffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
    let s = ''
    for (let i = 0; i < length; i++) s += alphabet[this.next() % alphabet.length]
    return s
  }
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** The low 16 bits of `n` as four hex digits. */
function hex16(n: number): string {
  return HEX_BYTE[(n >>> 8) & 0xff]! + HEX_BYTE[n & 0xff]!
}
