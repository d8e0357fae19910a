import { describe, expect, test } from 'vitest'
import * as fc from 'fast-check'
import { compressToEncodedURIComponent } from 'lz-string'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  checksum,
  decodeShare,
  encodeShare,
  MAX_ACTIONS,
  MAX_LINK_CHARS,
  shareUrl,
  type SharedSession,
} from './shareLink'
import { MAX_MANIFEST_BYTES } from '../../manifest/limits'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../../examples/web.yaml'), 'utf8')

const session: SharedSession = {
  seed: 7,
  actions: [
    { at: 0, kind: 'apply', text: webYaml },
    { at: 31_250, kind: 'command', text: 'kubectl delete pod web-0 --wait=false' },
    { at: 40_000, kind: 'command', text: 'kubectl patch sts web -p \'{"spec":{"replicas":3}}\'' },
  ],
  end: 95_000,
  now: 60_000,
  editorText: '# 中文注释 — edited\n' + webYaml,
  lesson: { id: 'basics', step: 3 },
}

/** Builds a link's data from any JSON text, checksum included (as a forger or a bug would). */
function dataOf(json: string): string {
  return `${compressToEncodedURIComponent(json)}.${checksum(json)}`
}

/**
 * lz-string's stream for a run of 'x' written code by code (compressing megabytes takes seconds):
 * the literal, then `codes` back-references each one longer than the last, then the end code.
 * It unpacks to about codes²/2 characters.
 */
function runOfX(codes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
  const bits: number[] = []
  const write = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1)
  }
  write(0, 2)
  write('x'.charCodeAt(0), 8)
  let numBits = 3
  let enlargeIn = 4
  for (let code = 4; code < 4 + codes; code++) {
    write(code, numBits)
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits
      numBits++
    }
  }
  write(2, numBits)
  while (bits.length % 6) bits.push(0)
  let out = ''
  for (let i = 0; i < bits.length; i += 6)
    out += alphabet[bits.slice(i, i + 6).reduce((v, b) => v * 2 + b, 0)]
  return out
}

function encoded(s: SharedSession): string {
  const result = encodeShare(s)
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

const action = fc.record({
  at: fc.integer({ min: 0, max: 1_000_000 }),
  kind: fc.constantFrom('apply' as const, 'command' as const),
  text: fc.string({ unit: 'grapheme', maxLength: 200 }),
})

const sessions = fc
  .record({
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
    actions: fc.array(action, { maxLength: 8 }),
    extra: fc.nat({ max: 500_000 }),
    back: fc.nat({ max: 500_000 }),
    editorText: fc.string({ unit: 'grapheme', maxLength: 300 }),
    lesson: fc.option(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9-]{1,40}$/),
        step: fc.nat({ max: 999 }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ seed, actions, extra, back, editorText, lesson }): SharedSession => {
    const sorted = [...actions].sort((a, b) => a.at - b.at)
    const end = (sorted.at(-1)?.at ?? 0) + extra
    return {
      seed,
      actions: sorted,
      end,
      now: Math.max(0, end - back),
      editorText,
      ...(lesson ? { lesson } : {}),
    }
  })

describe('a share link', () => {
  test('round-trips a session: seed, actions, clock, editor text and lesson position', () => {
    const data = encoded(session)
    expect(data).toMatch(/^[A-Za-z0-9+\-$]+\.[0-9a-f]{8}$/)
    expect(decodeShare(data)).toEqual({ ok: true, session })
    const { lesson: _lesson, ...noLesson } = session
    expect(decodeShare(encoded(noLesson))).toEqual({ ok: true, session: noLesson })
  })

  test('round-trips any session (property)', () => {
    fc.assert(
      fc.property(sessions, (s) => {
        expect(decodeShare(encoded(s))).toEqual({ ok: true, session: s })
      }),
      { numRuns: 200 },
    )
  })

  test('any change to the link gives the same session or a clean error, never a throw (property)', () => {
    const mutations = fc.oneof(
      // Cut short (a chat app trimming a long link).
      fc.nat().map((n) => (d: string) => d.slice(0, n % d.length)),
      // One character replaced by any character.
      fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(
        ([n, c]) =>
          (d: string) =>
            d.slice(0, n % d.length) + c + d.slice((n % d.length) + 1),
      ),
      // A character dropped, or one inserted.
      fc.nat().map((n) => (d: string) => d.slice(0, n % d.length) + d.slice((n % d.length) + 1)),
      fc.tuple(fc.nat(), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 })).map(
        ([n, c]) =>
          (d: string) =>
            d.slice(0, n % d.length) + c + d.slice(n % d.length),
      ),
    )
    fc.assert(
      fc.property(sessions, fc.array(mutations, { minLength: 1, maxLength: 3 }), (s, changes) => {
        const data = changes.reduce((d, change) => change(d), encoded(s))
        const result = decodeShare(data)
        const outcome = result.ok
          ? { session: result.session }
          : { kind: result.error.kind, explained: result.error.message.length > 10 }
        const allowed = ['empty', 'tooLong', 'damaged', 'tooLarge', 'version', 'invalid'].map((kind) => ({
          kind,
          explained: true,
        }))
        expect([{ session: s }, ...allowed]).toContainEqual(outcome)
      }),
      { numRuns: 500 },
    )
  })

  test('a damaged or cut link says so', () => {
    const data = encoded(session)
    const cut = decodeShare(data.slice(0, Math.floor(data.length / 2)))
    expect(cut).toMatchObject({
      ok: false,
      error: { kind: 'damaged', message: expect.stringMatching(/damaged or cut short/) },
    })
    const flipped = data.replace(
      /^(.{20})(.)/,
      (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
    )
    expect(decodeShare(flipped)).toMatchObject({ ok: false, error: { kind: 'damaged' } })
    expect(decodeShare('not a link!')).toMatchObject({ ok: false, error: { kind: 'damaged' } })
    expect(decodeShare('')).toMatchObject({ ok: false, error: { kind: 'empty' } })
    expect(decodeShare(dataOf('{"v":1,'))).toMatchObject({
      ok: false,
      error: { kind: 'damaged', message: expect.stringMatching(/does not unpack to a session/) },
    })
  })

  test('another version, or wrong types, are refused with the reason', () => {
    const v2 = decodeShare(dataOf(JSON.stringify({ v: 2, seed: 1 })))
    expect(v2).toEqual({
      ok: false,
      error: {
        kind: 'version',
        message: 'The link was made by another version of Ordinal (format 2); this one opens format 1.',
      },
    })
    const base = { v: 1, seed: 1, actions: [], end: 10, now: 5, editorText: '' }
    const cases: [object, RegExp][] = [
      [[1, 2], /not a session/],
      [{ ...base, seed: 1.5 }, /seed/],
      [{ ...base, seed: '1' }, /seed/],
      [{ ...base, now: 11 }, /clock/],
      [{ ...base, end: -1 }, /clock/],
      [{ ...base, end: 1e300 }, /clock/],
      [{ ...base, editorText: 3 }, /editor text/],
      [{ ...base, actions: {} }, /actions are missing/],
      [{ ...base, actions: [{ at: 0, kind: 'eval', text: 'x' }] }, /action 1 is unreadable/],
      [{ ...base, actions: [{ at: 0, kind: 'apply' }] }, /action 1 is unreadable/],
      [
        {
          ...base,
          actions: [
            { at: 5, kind: 'apply', text: '' },
            { at: 1, kind: 'apply', text: '' },
          ],
        },
        /action 2 is earlier/,
      ],
      [{ ...base, actions: [{ at: 11, kind: 'apply', text: '' }] }, /action 1 is later than the end/],
      [{ ...base, lesson: { id: 'Basics!', step: 0 } }, /lesson position/],
      [{ ...base, lesson: { id: 'basics', step: -1 } }, /lesson position/],
    ]
    for (const [payload, message] of cases) {
      expect(decodeShare(dataOf(JSON.stringify(payload)))).toMatchObject({
        ok: false,
        error: { kind: 'invalid', message: expect.stringMatching(message) },
      })
    }
  })

  test('keeps only the known fields: nothing else from the link is passed on', () => {
    const payload = {
      v: 1,
      seed: 1,
      actions: [{ at: 0, kind: 'command', text: 'kubectl get pods', extra: 'x' }],
      end: 0,
      now: 0,
      editorText: '',
      __proto__: { polluted: true },
      script: 'alert(1)',
    }
    const json = JSON.stringify(payload).replace('"script"', '"__proto__":{"polluted":true},"script"')
    const result = decodeShare(dataOf(json))
    expect(result).toEqual({
      ok: true,
      session: {
        seed: 1,
        actions: [{ at: 0, kind: 'command', text: 'kubectl get pods' }],
        end: 0,
        now: 0,
        editorText: '',
      },
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('limits: link length, unpacked size, action count, action size', () => {
    expect(decodeShare('A'.repeat(MAX_LINK_CHARS + 1))).toMatchObject({
      ok: false,
      error: { kind: 'tooLong' },
    })
    // A short link that would unpack to over 2 MB (a compression bomb) is stopped early.
    const bombData = `${runOfX(3_000)}.00000000`
    expect(bombData.length).toBeLessThan(10_000)
    expect(decodeShare(bombData)).toMatchObject({ ok: false, error: { kind: 'tooLarge' } })
    expect(decodeShare(`${runOfX(1_000)}.00000000`)).toMatchObject({ ok: false, error: { kind: 'damaged' } })

    const many: SharedSession = {
      ...session,
      actions: Array.from({ length: MAX_ACTIONS + 1 }, () => ({
        at: 0,
        kind: 'command',
        text: 'kubectl get pods',
      })),
    }
    const tooMany = encodeShare(many)
    expect(tooMany).toMatchObject({
      ok: false,
      error: {
        kind: 'tooLarge',
        message: expect.stringMatching(/5,001 actions, more than 5,000.*Download the script/),
      },
    })
    const { v: _v, ...rest } = { v: 1, ...many }
    expect(decodeShare(dataOf(JSON.stringify({ v: 1, ...rest })))).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/5,001 actions/) },
    })

    const huge: SharedSession = {
      ...session,
      actions: [{ at: 0, kind: 'apply', text: 'a'.repeat(MAX_MANIFEST_BYTES + 1) }],
    }
    expect(encodeShare(huge)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/action 1 is 1\.0 MB, more than the 1 MB/) },
    })

    // Random text does not compress: past 200,000 characters of link, encoding refuses.
    let x = 1
    const noise = Array.from({ length: 120_000 }, () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return String.fromCharCode(0x4e00 + ((x >>> 0) % 20000))
    }).join('')
    const long = encodeShare({ ...session, editorText: noise })
    expect(long).toMatchObject({ ok: false, error: { kind: 'tooLarge' } })
  })

  test('shareUrl replaces any fragment of the page address', () => {
    expect(shareUrl('https://example.org/app/?lang=en#old', 'abc.0000000f')).toBe(
      'https://example.org/app/?lang=en#share=abc.0000000f',
    )
    expect(shareUrl('http://127.0.0.1:4173/', 'x')).toBe('http://127.0.0.1:4173/#share=x')
  })
})
