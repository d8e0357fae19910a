import { describe, expect, test } from 'vitest'
import type { Taint, Toleration } from '../../model'
import {
  doNotSchedule,
  findMatchingUntoleratedTaint,
  getMatchingTolerations,
  minTolerationMs,
  taintString,
  toleratesTaint,
} from './taints'

const unreachableExec: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }
const unreachableSched: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }
const defaultToleration: Toleration = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}

describe('toleratesTaint', () => {
  test('an Exists toleration with a key and effect tolerates only that key and effect', () => {
    expect(toleratesTaint(defaultToleration, unreachableExec)).toBe(true)
    expect(toleratesTaint(defaultToleration, unreachableSched)).toBe(false)
  })

  test('an empty key with Exists tolerates every taint; an empty operator compares values', () => {
    expect(toleratesTaint({ operator: 'Exists' }, unreachableSched)).toBe(true)
    expect(
      toleratesTaint(
        { key: 'dedicated', value: 'db' },
        { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
      ),
    ).toBe(true)
    expect(
      toleratesTaint(
        { key: 'dedicated', value: 'web' },
        { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
      ),
    ).toBe(false)
  })
})

describe('scheduling and eviction helpers', () => {
  test('the scheduler reports the first NoSchedule/NoExecute taint the pod does not tolerate', () => {
    const taints = [{ key: 'soft', effect: 'PreferNoSchedule' as const }, unreachableSched, unreachableExec]
    expect(findMatchingUntoleratedTaint(taints, [defaultToleration], doNotSchedule)).toEqual(unreachableSched)
    expect(
      findMatchingUntoleratedTaint([unreachableExec], [defaultToleration], doNotSchedule),
    ).toBeUndefined()
  })

  test('getMatchingTolerations needs every taint tolerated; the minimum tolerationSeconds decides', () => {
    expect(getMatchingTolerations([unreachableExec], [defaultToleration])).toEqual({
      allTolerated: true,
      used: [defaultToleration],
    })
    expect(getMatchingTolerations([unreachableExec], []).allTolerated).toBe(false)
    expect(minTolerationMs([defaultToleration])).toBe(300_000)
    expect(minTolerationMs([{ operator: 'Exists' }])).toBe(-1)
    expect(minTolerationMs([{ ...defaultToleration, tolerationSeconds: 0 }])).toBe(0)
  })

  test('taintString is Taint.ToString', () => {
    expect(taintString(unreachableExec)).toBe('node.kubernetes.io/unreachable:NoExecute')
    expect(taintString({ key: 'a', value: 'b', effect: 'NoSchedule' })).toBe('a=b:NoSchedule')
  })
})
