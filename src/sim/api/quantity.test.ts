import { describe, expect, it } from 'vitest'
import {
  ERR_FORMAT_WRONG,
  ERR_NUMERIC,
  ERR_SUFFIX,
  QuantityError,
  canonicalQuantity,
  compareQuantities,
  parseQuantity,
  quantityBytes,
  quantityValue,
} from './quantity'

function parseError(s: string): string {
  let error: unknown
  try {
    parseQuantity(s)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(QuantityError)
  return (error as Error).message
}

describe('parseQuantity follows the F151 input → outcome table', () => {
  it.each([
    ['1Gi', 1073741824, 'BinarySI'],
    ['1G', 1e9, 'DecimalSI'],
    ['1Mi', 1048576, 'BinarySI'],
    ['500Mi', 524288000, 'BinarySI'],
    ['1Ti', 1099511627776, 'BinarySI'],
    ['1.5Gi', 1610612736, 'BinarySI'],
    ['.5Gi', 536870912, 'BinarySI'],
    ['0.5Gi', 536870912, 'BinarySI'],
    ['1e3', 1000, 'DecimalExponent'],
    ['1E6', 1e6, 'DecimalExponent'],
    ['1E', 1e18, 'DecimalSI'],
    ['1k', 1000, 'DecimalSI'],
    ['-1Gi', -1073741824, 'BinarySI'],
    ['1.', 1, 'DecimalSI'],
    ['1.G', 1e9, 'DecimalSI'],
  ] as const)('%s parses to %d in %s form', (input, value, format) => {
    const q = parseQuantity(input)
    expect(quantityBytes(q)).toBe(value)
    expect(q.format).toBe(format)
  })

  it('caps 9Ei at 2^63-1', () => {
    expect(quantityValue('9Ei')).toBe((1n << 63n) - 1n)
    expect(canonicalQuantity('9Ei')).toBe('9223372036854775807')
  })

  it.each(['1K', '1ki', '1mi', '0.1mi', '1e'])('%s is rejected with ErrSuffix', (input) => {
    expect(parseError(input)).toBe("unable to parse quantity's suffix")
  })

  it.each(['1Gx', '1GB', '1Gb', '1gi', '1KB', '1 Gi', '1.1.M', 'aoeu', '', ' 1', '1 '])(
    '%j is rejected with ErrFormatWrong',
    (input) => {
      expect(parseError(input)).toBe(
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      )
    },
  )

  it('rejects a digitless number that Go hands to inf.Dec with ErrNumeric', () => {
    expect(parseError('Pi')).toBe('unable to parse numeric part of quantity')
    expect(parseError('e-10')).toBe(ERR_NUMERIC)
  })

  it('parses a number with no digits before a small binary suffix as zero (F155)', () => {
    expect(quantityBytes('Gi')).toBe(0)
    expect(canonicalQuantity('Gi')).toBe('0')
  })

  it('exports the three parser messages verbatim (F150)', () => {
    expect([ERR_FORMAT_WRONG, ERR_SUFFIX, ERR_NUMERIC]).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      "unable to parse quantity's suffix",
      'unable to parse numeric part of quantity',
    ])
  })
})

describe('compareQuantities orders by numeric value (F153)', () => {
  it('treats 1Gi and 1024Mi as equal', () => expect(compareQuantities('1Gi', '1024Mi')).toBe(0))
  it('puts 1G below 1Gi', () => expect(compareQuantities('1G', '1Gi')).toBe(-1))
  it('treats 1000M and 1G as equal', () => expect(compareQuantities('1000M', '1G')).toBe(0))
  it('puts 500M below 512Mi', () => expect(compareQuantities('500M', '512Mi')).toBe(-1))
  it('puts a negative below any positive', () => expect(compareQuantities('-1Ei', '1m')).toBe(-1))
  it('compares huge exponents without expanding them', () => {
    expect(compareQuantities('1e100000', '9e99999')).toBe(1)
  })
})

describe('canonicalQuantity emits the stored form (F154)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['1.5Gi', '1536Mi'],
    ['300Mi', '300Mi'],
    ['1e9', '1e9'],
    ['1E6', '1e6'],
    ['1.5', '1500m'],
    ['0.5Ki', '512'],
    ['-1Gi', '-1Gi'],
    ['0', '0'],
  ])('%s becomes %s', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical)
  })

  it('rounds finer than a milli up, as ResourceList defaulting does (F148)', () => {
    expect(canonicalQuantity('0.1m')).toBe('1m')
    expect(canonicalQuantity('1.2345')).toBe('1235m')
  })

  it('accepts a YAML number as a quantity', () => {
    expect(canonicalQuantity(1)).toBe('1')
    expect(quantityBytes(1.5)).toBe(1.5)
  })
})
