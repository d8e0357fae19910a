import { describe, expect, test } from 'vitest'
import * as fc from 'fast-check'
import { MAX_PROBLEMS, parseLaunch, withoutShare } from './launch'
import { encodeShare, type SharedSession } from './share/shareLink'

const BASE = 'https://example.org/ordinal/'

const shared: SharedSession = {
  seed: 1,
  actions: [{ at: 0, kind: 'command', text: 'kubectl create namespace demo' }],
  end: 5000,
  now: 2000,
  editorText: 'kind: Namespace',
}

function dataOf(s: SharedSession): string {
  const r = encodeShare(s)
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

describe('parseLaunch', () => {
  test('a plain address asks for nothing', () => {
    expect(parseLaunch(BASE)).toEqual({ embed: false, present: false, problems: [] })
    expect(parseLaunch('not a url')).toEqual({ embed: false, present: false, problems: [] })
  })

  test('reads every parameter', () => {
    expect(parseLaunch(`${BASE}?embed=1&present=1&lesson=basics&step=2&example=parallel&lang=zh-CN`)).toEqual(
      {
        embed: true,
        present: true,
        lesson: 'basics',
        step: 2,
        example: 'parallel',
        lang: 'zh-CN',
        problems: [],
      },
    )
    expect(parseLaunch(`${BASE}?embed&present=0`)).toMatchObject({
      embed: true,
      present: false,
      problems: [],
    })
  })

  test('decodes a shared session from the fragment, or says why not', () => {
    const data = dataOf(shared)
    expect(parseLaunch(`${BASE}?lang=en#share=${data}`)).toEqual({
      embed: false,
      present: false,
      lang: 'en',
      share: shared,
      problems: [],
    })
    // Percent-encoded on the way (some mail programs do it): still the same session.
    expect(parseLaunch(`${BASE}#share=${encodeURIComponent(data).replace(/\$/g, '%24')}`).share).toEqual(
      shared,
    )
    expect(parseLaunch(`${BASE}#other&share=${data}`).share).toEqual(shared)
    const cut = parseLaunch(`${BASE}#share=${data.slice(0, 12)}`)
    expect(cut.share).toBeUndefined()
    expect(cut.shareError?.kind).toBe('damaged')
    expect(parseLaunch(`${BASE}#share=`).shareError?.kind).toBe('empty')
    expect(parseLaunch(`${BASE}#share=%E0%A4%A`).shareError?.kind).toBe('damaged')
    expect(parseLaunch(`${BASE}#section-2`)).toEqual({ embed: false, present: false, problems: [] })
  })

  test('reports unknown, repeated and malformed parameters, using none of them', () => {
    const launch = parseLaunch(
      `${BASE}?embed=yes&lesson=Basics!&step=-1&example=../x&lang=fr&utm_source=x&utm_source=y&present=1&present=0`,
    )
    expect(launch).toMatchObject({ embed: false, present: true })
    expect(launch.lesson).toBeUndefined()
    expect(launch.step).toBeUndefined()
    expect(launch.example).toBeUndefined()
    expect(launch.lang).toBeUndefined()
    expect(launch.problems).toEqual([
      'Unknown parameter “utm_source” was ignored.',
      'Parameter “present” was given more than once; the first value was used.',
      'Parameter “embed” was ignored: "yes" is not 1 or 0.',
      'Parameter “lesson” was ignored: "Basics!" is not an id (lowercase letters, digits and hyphens, at most 40).',
      'Parameter “example” was ignored: "../x" is not an id (lowercase letters, digits and hyphens, at most 40).',
      '…and 2 more.',
    ])
    expect(parseLaunch(`${BASE}?step=-1&lang=fr`).problems).toEqual([
      'Parameter “step” was ignored: "-1" is not a whole number from 0 to 999.',
      'Parameter “lang” was ignored: "fr" is not en or zh-CN.',
    ])
    expect(parseLaunch(`${BASE}?step=3`).problems).toEqual([
      'Parameter “step” was ignored: it needs a “lesson”.',
    ])
    expect(parseLaunch(`${BASE}?lesson=a&lesson=b`)).toMatchObject({
      lesson: 'a',
      problems: ['Parameter “lesson” was given more than once; the first value was used.'],
    })
  })

  test('quotes what it reports safely and briefly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 })), { maxLength: 12 }),
        fc.string({ maxLength: 300 }),
        (params, hash) => {
          const query = new URLSearchParams(params).toString()
          const launch = parseLaunch(`${BASE}?${query}#${encodeURIComponent(hash)}`)
          expect(launch.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1)
          for (const p of launch.problems) {
            expect(p.length).toBeLessThan(220)
            expect(p).not.toMatch(/[\u0000-\u001f]/)
          }
          expect(launch.lesson ?? 'none').toMatch(/^[a-z0-9-]{1,40}$/)
          expect(launch.example ?? 'none').toMatch(/^[a-z0-9-]{1,40}$/)
          expect(Number.isInteger(launch.step ?? 0)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('withoutShare', () => {
  test('drops only the share part of the fragment', () => {
    expect(withoutShare(`${BASE}?embed=1#share=abc`)).toBe(`${BASE}?embed=1`)
    expect(withoutShare(`${BASE}#a&share=abc&b`)).toBe(`${BASE}#a&b`)
    expect(withoutShare(`${BASE}#shared`)).toBe(`${BASE}#shared`)
    expect(withoutShare(BASE)).toBe(BASE)
  })
})
