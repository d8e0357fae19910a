// The container restart back-off (CrashLoopBackOff): the kubelet's flowcontrol.Backoff, 10 s
// doubling to 5 minutes, forgotten after 10 minutes without a restart.
import { describe, expect, test } from 'vitest'
import type { Pod } from '../model'
import { Simulation } from '../simulation'
import { TestCluster } from '../testing/testCluster'
import { BackOff } from './backOff'

function crashingPod(cluster: TestCluster, name: string, command: string[]): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox:1.28', command }] },
  } as Pod)
}

/** Seconds from each exit to the container running again, and the back-off messages seen. */
function restarts(cluster: TestCluster, name: string) {
  const delays: number[] = []
  const messages: string[] = []
  let exitedAt: number | undefined
  cluster.sim.ctx.store.watch((e) => {
    if (e.object.kind !== 'Pod' || e.object.metadata.name !== name || e.type === 'DELETED') return
    const s = (e.object as Pod).status.containerStatuses?.[0]
    if (s?.state.terminated && exitedAt === undefined) exitedAt = cluster.sim.now
    const waiting = s?.state.waiting?.message
    if (waiting && messages[messages.length - 1] !== waiting) messages.push(waiting)
    if (s?.state.running && exitedAt !== undefined) {
      delays.push(Math.floor((cluster.sim.now - exitedAt) / 1000))
      exitedAt = undefined
    }
  })
  return { delays, messages }
}

describe('CrashLoopBackOff', () => {
  test('the first restart is immediate, then 10 s, 20 s, 40 s … after each exit, capped at 5 minutes', () => {
    const cluster = new TestCluster()
    const seen = restarts(cluster, 'crash')
    const pod = crashingPod(cluster, 'crash', ['sh', '-c', 'exit 3'])
    cluster.run(25 * 60_000)

    expect(seen.delays.slice(0, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300])
    const who = `crash_default(${pod.metadata.uid})`
    expect(seen.messages[0]).toBe(`back-off 10s restarting failed container=c pod=${who}`)
    expect(seen.messages).toContain(`back-off 2m40s restarting failed container=c pod=${who}`)
    expect(seen.messages[seen.messages.length - 1]).toBe(
      `back-off 5m0s restarting failed container=c pod=${who}`,
    )
    const status = cluster.pod('crash')!.status.containerStatuses![0]!
    expect(status.restartCount).toBe(seen.delays.length)
    expect(cluster.violations).toEqual([])
  })

  test('a container that runs more than 10 minutes between exits restarts at once every time', () => {
    const cluster = new TestCluster()
    const seen = restarts(cluster, 'long')
    crashingPod(cluster, 'long', ['sleep', '700'])
    cluster.run(50 * 60_000)

    expect(seen.delays.length).toBeGreaterThanOrEqual(3)
    expect(new Set(seen.delays)).toEqual(new Set([0]))
    expect(seen.messages).toEqual([])
    expect(cluster.violations).toEqual([])
  })
})

describe('BackOff', () => {
  test('next doubles up to the cap; a key unused for twice the cap starts over', () => {
    const sim = new Simulation({ components: () => [] })
    const b = new BackOff(sim.ctx, 'test.backoff', 10_000, 300_000)
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      b.next('k')
      delays.push(b.get('k') / 1000)
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300])
    expect(b.isInBackOffSinceUpdate('k')).toBe(true)
    sim.advance(299_000)
    expect(b.isInBackOffSinceUpdate('k')).toBe(true)
    sim.advance(1000)
    expect(b.isInBackOffSinceUpdate('k')).toBe(false)
    sim.advance(301_000)
    b.next('k')
    expect(b.get('k')).toBe(10_000)
  })

  test('isInBackOffSince counts from the event (a container’s exit), not from the last update', () => {
    const sim = new Simulation({ components: () => [] })
    const b = new BackOff(sim.ctx, 'test.backoff', 10_000, 300_000)
    b.next('k')
    sim.advance(5000)
    const exitedAt = sim.now
    sim.advance(9000)
    expect(b.isInBackOffSince('k', exitedAt)).toBe(true)
    sim.advance(1000)
    expect(b.isInBackOffSince('k', exitedAt)).toBe(false)
    expect(b.endsAt('k', exitedAt)).toBe(exitedAt + 10_000)
  })
})
