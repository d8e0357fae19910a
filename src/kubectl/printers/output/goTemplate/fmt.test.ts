import { describe, expect, it } from 'vitest'
import { type FmtArg, sprint, sprintf, sprintln } from './fmt'
import { formatFloat } from './formatFloat'
import { GoNumber } from './values'

const int = (n: number) => new GoNumber('int', n)
const int64 = (n: number) => new GoNumber('int64', n)
const float = (n: number) => new GoNumber('float64', n)

describe('sprintf as Go formats', () => {
  it.each<[string, FmtArg[], string]>([
    [
      '%d|%5d|%-5d|%05d|%+d|% d',
      [int(42), int(42), int(42), int(-42), int(42), int(42)],
      '42|   42|42   |-0042|+42| 42',
    ],
    [
      '%x %X %o %O %b %#x %#o',
      [int(255), int(255), int(8), int(8), int(5), int(255), int(8)],
      'ff FF 10 0o10 101 0xff 010',
    ],
    ['%c %q %U %#U', [int(65), int(10), int(0x1f600), int(0x41)], "A '\\n' U+1F600 U+0041 'A'"],
    ['%.3d|%.0d|', [int(7), int(0)], '007||'],
    [
      '%f %.2f %8.3f %-8.1f| %e %E %g %G',
      [
        float(3.14159),
        float(2.5),
        float(-1.5),
        float(2),
        float(1234.5678),
        float(0.00012),
        float(1e21),
        float(1e-7),
      ],
      '3.141590 2.50   -1.500 2.0     | 1.234568e+03 1.200000E-04 1e+21 1E-07',
    ],
    ['%.0f %.0f %.1f', [float(2.5), float(3.5), float(0.25)], '2 4 0.2'],
    [
      '%.3g %.10g %g %v',
      [float(1234.5678), float(1.5), float(100000), float(1e6)],
      '1.23e+03 1.5 100000 1e+06',
    ],
    [
      '%s|%10s|%-10s|%.2s|%q|%#q|%+q|%x',
      ['héllo', 'ab', 'ab', 'héllo', 'a"b', 'a"b', 'é', 'hi'],
      'héllo|        ab|ab        |hé|"a\\"b"|`a"b`|"\\u00e9"|6869',
    ],
    ['%t %v %5t', [true, false, true], 'true false  true'],
    [
      '%v %+v %#v %T',
      [{ a: [1, 'x', null] }, { a: 1 }, { a: [1, 'x', null] }, { a: 1 }],
      'map[a:[1 x <nil>]] map[a:1] map[string]interface {}{"a":[]interface {}{1, "x", interface {}(nil)}} map[string]interface {}',
    ],
    ['%d', [[int64(1), 'x'] as unknown as FmtArg], '[1 %!d(string=x)]'],
    ['%s', [{ n: 1 }], 'map[n:%!s(int64=1)]'],
    ['%v %d %s', [null, null, null], '<nil> %!d(<nil>) %!s(<nil>)'],
    ['%!|%z|%', [int(1), int(2)], '%!!(int=1)|%!z(int=2)|%!(NOVERB)'],
    ['%d %d', [int(1)], '1 %!d(MISSING)'],
    ['%d', [int(1), 'a', null], '1%!(EXTRA string=a, <nil>)'],
    ['%[2]d %[1]d|%[3]d', [int(1), int(2)], '2 1|%!d(BADINDEX)'],
    ['%*d|%-*d|%.*f', [int(4), int(7), int(3), int(7), int(1), float(2.25)], '   7|7  |2.2'],
    ['%*d', ['x', int(7)], '%!(BADWIDTH)7'],
    ['100%%', [], '100%'],
  ])('%j', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected)
  })
})

describe('sprint and sprintln', () => {
  it('adds spaces between operands only when neither is a string', () => {
    expect(sprint([int(1), int(2), 'a', 'b', int(3), null])).toBe('1 2ab3 <nil>')
    expect(sprintln(['a', int(1), 'b'])).toBe('a 1 b\n')
  })

  it('prints floats as %v does: shortest, exponent from 1e21 down to 1e-5 boundaries', () => {
    expect(sprint([float(0.1), float(123456), float(1234567), float(0.0001), float(0.00001)])).toBe(
      '0.1 123456 1.234567e+06 0.0001 1e-05',
    )
  })
})

describe('formatFloat', () => {
  it('handles infinities and NaN', () => {
    expect(formatFloat(Infinity, 'f', 2)).toBe('+Inf')
    expect(formatFloat(-Infinity, 'g', -1)).toBe('-Inf')
    expect(formatFloat(NaN, 'e', 6)).toBe('NaN')
  })
})
