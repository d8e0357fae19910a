import { describe, expect, test } from 'vitest'
import * as fc from 'fast-check'
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string'
import { lzDecodeUriComponent } from './lzDecode'

describe('the bounded lz-string decoder', () => {
  test('reads back whatever lz-string wrote, as lz-string does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const packed = compressToEncodedURIComponent(text)
        expect(lzDecodeUriComponent(packed, 10_000)).toEqual({ ok: true, text })
      }),
      { numRuns: 300 },
    )
    const repetitive = 'apiVersion: v1\nkind: Pod\n'.repeat(500)
    expect(lzDecodeUriComponent(compressToEncodedURIComponent(repetitive), 1e6)).toEqual({
      ok: true,
      text: repetitive,
    })
  })

  test('agrees with lz-string on valid-alphabet noise, or refuses it', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'),
          minLength: 1,
          maxLength: 60,
        }),
        (noise) => {
          const ours = lzDecodeUriComponent(noise, 100_000)
          // Where we read a whole stream, lz-string reads the same one.
          const theirs = ours.ok ? decompressFromEncodedURIComponent(noise) : 'refused'
          expect(theirs).toBe(ours.ok ? ours.text : 'refused')
        },
      ),
      { numRuns: 500 },
    )
  })

  test('stops at the ceiling instead of unpacking a bomb', () => {
    const big = 'a'.repeat(100_000)
    const packed = compressToEncodedURIComponent(big)
    expect(packed.length).toBeLessThan(1000)
    expect(lzDecodeUriComponent(packed, 99_999)).toEqual({ ok: false, reason: 'tooLarge' })
    expect(lzDecodeUriComponent(packed, 100_000)).toEqual({ ok: true, text: big })
  })

  test('refuses characters outside the alphabet and streams cut short', () => {
    const packed = compressToEncodedURIComponent('{"v":1,"seed":1}')
    expect(lzDecodeUriComponent(`${packed}!`, 1000)).toEqual({ ok: false, reason: 'badCharacter' })
    expect(lzDecodeUriComponent('', 1000)).toEqual({ ok: false, reason: 'truncated' })
    expect(lzDecodeUriComponent(packed.slice(0, 5), 1000)).toEqual({ ok: false, reason: 'truncated' })
    // A `+` turned into a space by form decoding is read back as `+`.
    const plus = compressToEncodedURIComponent('ééé plus ++ signs')
    expect(lzDecodeUriComponent(plus.replace(/\+/g, ' '), 1000)).toEqual({
      ok: true,
      text: 'ééé plus ++ signs',
    })
  })
})
