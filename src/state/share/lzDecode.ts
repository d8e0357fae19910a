// Reads what lz-string's compressToEncodedURIComponent wrote, with a ceiling on the output.
// lz-string's own decoder has none: a link of 200,000 characters can unpack to over a billion
// (each code may repeat a longer dictionary entry), enough to freeze or crash the tab before any
// size check could run. This is a port of lz-string 1.5.0's `_decompress` (MIT, © 2013 pieroxy)
// for the URI-safe alphabet that stops as soon as the output passes `maxChars`, and that refuses
// characters outside the alphabet instead of reading them as zero bits.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]))

export type LzDecodeResult =
  | { ok: true; text: string }
  /** `badCharacter`: not produced by the encoder; `truncated`/`corrupt`: the stream breaks off or contradicts itself. */
  | { ok: false; reason: 'badCharacter' | 'truncated' | 'corrupt' | 'tooLarge' }

class Bits {
  private index = 0
  private value = 0
  private mask = 0

  constructor(private readonly values: readonly number[]) {}

  /** Next `count` bits, least significant first (lz-string's order); undefined past the end. */
  read(count: number): number | undefined {
    let bits = 0
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      if (this.mask === 0) {
        if (this.index >= this.values.length) return undefined
        this.value = this.values[this.index++]!
        this.mask = 32
      }
      if (this.value & this.mask) bits += power
      this.mask >>= 1
    }
    return bits
  }
}

export function lzDecodeUriComponent(input: string, maxChars: number): LzDecodeResult {
  // A `+` that went through form decoding comes back as a space; lz-string reads it back too.
  const values: number[] = []
  for (const c of input.replace(/ /g, '+')) {
    const v = VALUE.get(c)
    if (v === undefined) return { ok: false, reason: 'badCharacter' }
    values.push(v)
  }
  if (values.length === 0) return { ok: false, reason: 'truncated' }
  const bits = new Bits(values)
  const dictionary: string[] = ['', '', '']
  let enlargeIn = 4
  let numBits = 3
  let size = 0
  const result: string[] = []

  // A literal character (8 or 16 bits) follows codes 0 and 1; code 2 ends the stream.
  const literal = (code: number): string | undefined => {
    const c = bits.read(code === 0 ? 8 : 16)
    return c === undefined ? undefined : String.fromCharCode(c)
  }

  const first = bits.read(2)
  if (first === undefined) return { ok: false, reason: 'truncated' }
  if (first === 2) return { ok: true, text: '' }
  if (first > 2) return { ok: false, reason: 'corrupt' }
  const c0 = literal(first)
  if (c0 === undefined) return { ok: false, reason: 'truncated' }
  dictionary[3] = c0
  let w = c0
  result.push(c0)
  size = 1
  for (;;) {
    let code = bits.read(numBits)
    if (code === undefined) return { ok: false, reason: 'truncated' }
    if (code === 2) return { ok: true, text: result.join('') }
    if (code < 2) {
      const c = literal(code)
      if (c === undefined) return { ok: false, reason: 'truncated' }
      dictionary.push(c)
      code = dictionary.length - 1
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits
        numBits++
      }
    }
    let entry: string
    if (code < dictionary.length && code > 2) entry = dictionary[code]!
    else if (code === dictionary.length) entry = w + w.charAt(0)
    else return { ok: false, reason: 'corrupt' }
    size += entry.length
    if (size > maxChars) return { ok: false, reason: 'tooLarge' }
    result.push(entry)
    dictionary.push(w + entry.charAt(0))
    w = entry
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits
      numBits++
    }
  }
}
