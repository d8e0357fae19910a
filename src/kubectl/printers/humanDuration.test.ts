import { describe, expect, it } from 'vitest'
import { EPOCH_MS, timestamp } from '../../sim/runtime/time'
import { humanDuration, translateTimestampSince } from './humanDuration'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

describe('humanDuration', () => {
  it('matches the cases of apimachinery duration_test.go', () => {
    const cases: [number, string][] = [
      [1 * s, '1s'],
      [70 * s, '70s'],
      [190 * s, '3m10s'],
      [70 * m, '70m'],
      [47 * h, '47h'],
      [49 * h, '2d1h'],
      [(8 * 24 + 2) * h, '8d'],
      [367 * 24 * h, '367d'],
      [(365 * 2 * 24 + 25) * h, '2y1d'],
      [(365 * 8 * 24 + 2) * h, '8y'],
    ]
    for (const [ms, want] of cases) expect(humanDuration(ms)).toBe(want)
  })

  it('switches unit exactly at each boundary of the table in 13.1.5', () => {
    expect(humanDuration(0)).toBe('0s')
    expect(humanDuration(119 * s + 999)).toBe('119s')
    expect(humanDuration(120 * s)).toBe('2m')
    expect(humanDuration(125 * s)).toBe('2m5s')
    expect(humanDuration(9 * m + 59 * s)).toBe('9m59s')
    expect(humanDuration(10 * m + 30 * s)).toBe('10m')
    expect(humanDuration(179 * m)).toBe('179m')
    expect(humanDuration(180 * m)).toBe('3h')
    expect(humanDuration(3 * h + 20 * m)).toBe('3h20m')
    expect(humanDuration(8 * h + 59 * m)).toBe('8h')
    expect(humanDuration(8 * d)).toBe('8d')
    expect(humanDuration(2 * 365 * d)).toBe('2y')
  })

  it('treats up to a second in the future as now and more as invalid', () => {
    expect(humanDuration(-500)).toBe('0s')
    expect(humanDuration(-1999)).toBe('0s')
    expect(humanDuration(-2000)).toBe('<invalid>')
  })
})

describe('translateTimestampSince', () => {
  it('measures from a stored timestamp to the simulated now', () => {
    expect(translateTimestampSince(timestamp(0), 19_700)).toBe('19s')
    expect(translateTimestampSince(new Date(EPOCH_MS - 2 * h).toISOString(), 0)).toBe('120m')
  })

  it('prints <unknown> for a missing timestamp, as kubectl does for a zero time', () => {
    expect(translateTimestampSince(undefined, 5000)).toBe('<unknown>')
    expect(translateTimestampSince('', 5000)).toBe('<unknown>')
  })
})
