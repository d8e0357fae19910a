import { describe, expect, it } from 'vitest'
import type { Pod } from '../../model'
import { timestamp } from '../../runtime/time'
import { getPodsToDelete } from './ranking'

const NOW = 3_600_000

interface Spec {
  node?: string
  phase?: string
  readyAt?: number
  createdAt?: number
  restarts?: number
  cost?: string
  uid?: string
}

function pod(name: string, s: Spec = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: s.uid ?? name,
      resourceVersion: '1',
      creationTimestamp: timestamp(s.createdAt ?? 0),
      ...(s.cost !== undefined
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': s.cost } }
        : {}),
    },
    spec: { containers: [], ...(s.node !== undefined ? { nodeName: s.node } : { nodeName: 'node-1' }) },
    status: {
      phase: s.phase ?? 'Running',
      conditions:
        s.readyAt !== undefined
          ? [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(s.readyAt) }]
          : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'c', restartCount: s.restarts ?? 0 }],
    },
  } as unknown as Pod
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name)
const first = (pods: Pod[], related: Pod[] = pods) => names(getPodsToDelete(pods, related, 1, NOW))

describe('getPodsToDelete (ActivePodsWithRanks)', () => {
  it('deletes an unscheduled pod before a scheduled one', () => {
    expect(first([pod('placed', { readyAt: 0 }), pod('unplaced', { node: '', phase: 'Pending' })])).toEqual([
      'unplaced',
    ])
  })

  it('deletes Pending before Running, and not-ready before ready', () => {
    expect(first([pod('running', { readyAt: 0 }), pod('pending', { phase: 'Pending' })])).toEqual(['pending'])
    expect(first([pod('ready', { readyAt: 0 }), pod('unready')])).toEqual(['unready'])
  })

  it('honours a lower pod-deletion-cost', () => {
    expect(
      first([pod('dear', { readyAt: 0, cost: '100' }), pod('cheap', { readyAt: 0, cost: '-5' })]),
    ).toEqual(['cheap'])
  })

  it('deletes a pod doubled up on a node with related pods before a lone one', () => {
    const a = pod('crowded', { readyAt: 0, node: 'node-1' })
    const b = pod('alone', { readyAt: 0, node: 'node-2' })
    const sibling = pod('other-rs-pod', { readyAt: 0, node: 'node-1' })
    expect(first([b, a], [a, b, sibling])).toEqual(['crowded'])
  })

  it('deletes the pod ready for less time, comparing ages in powers of two', () => {
    // Ready 60 s ago against 3000 s ago: different log2 buckets, the newer goes.
    expect(first([pod('old', { readyAt: 600_000 }), pod('new', { readyAt: NOW - 60_000 })])).toEqual(['new'])
    // 3000 s and 3100 s ago share a bucket: the uid decides.
    expect(first([pod('b', { readyAt: 600_000 }), pod('a', { readyAt: 500_000 })])).toEqual(['a'])
  })

  it('deletes the pod with more restarts, then the newer one', () => {
    expect(first([pod('calm', { readyAt: 0 }), pod('flaky', { readyAt: 0, restarts: 3 })])).toEqual(['flaky'])
    expect(
      first([
        pod('elder', { readyAt: 0, createdAt: 0 }),
        pod('younger', { readyAt: 0, createdAt: NOW - 10_000 }),
      ]),
    ).toEqual(['younger'])
  })

  it('takes everything when asked for at least as many pods as there are', () => {
    const pods = [pod('x'), pod('y')]
    expect(names(getPodsToDelete(pods, pods, 2, NOW))).toEqual(['x', 'y'])
  })
})
