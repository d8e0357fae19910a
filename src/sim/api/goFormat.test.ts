import { describe, expect, it } from 'vitest'
import { compareGo, goJson, goNumber, goQuote, goValue } from './goFormat'

describe('Go formatting', () => {
  it('quotes as strconv.Quote: escapes, \\x for ASCII controls, \\u for unprintable runes', () => {
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"')
    expect(goQuote('\u0001\u007f')).toBe('"\\x01\\x7f"')
    expect(goQuote('é✓\u200b\u00a0\u2028')).toBe('"é✓\\u200b\\u00a0\\u2028"')
    expect(goQuote('\u{1f600}')).toBe('"\u{1f600}"')
  })

  it('prints int64s as integers and float64s as %v does', () => {
    expect([3, -1, 0, 2 ** 53].map(goNumber)).toEqual(['3', '-1', '0', '9007199254740992'])
    expect([1.5, 123456.5, 1234567.5, 0.0001, 0.00001, 1e21].map(goNumber)).toEqual([
      '1.5',
      '123456.5',
      '1.2345675e+06',
      '0.0001',
      '1e-05',
      '1e+21',
    ])
  })

  it('prints a decoded value as %+v: maps with sorted keys, lists, <nil>', () => {
    expect(goValue({ b: [1, 'x y'], a: { z: null, c: true } })).toBe('map[a:map[c:true z:<nil>] b:[1 x y]]')
  })

  it('marshals as encoding/json: sorted keys, HTML characters escaped', () => {
    expect(goJson({ b: '<a&b>', a: [1, null], c: undefined })).toBe(
      '{"a":[1,null],"b":"\\u003ca\\u0026b\\u003e"}',
    )
  })

  it('orders strings by code point, as Go compares UTF-8 bytes', () => {
    expect(['b', 'B', '\u{1f600}', '\uff5e', 'a'].sort(compareGo)).toEqual([
      'B',
      'a',
      'b',
      '\uff5e',
      '\u{1f600}',
    ])
  })
})
