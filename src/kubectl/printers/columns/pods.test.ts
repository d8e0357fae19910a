import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod } from '../../../sim/model'
import { at, pod, sec } from '../testing/fixtures'
import { podTable } from './pods'

/** [READY, STATUS, RESTARTS] of a pod at `now` (seconds). */
function cells(p: Pod, now = 60): [string, string, string] {
  const row = podTable.row(p, sec(now))
  return [row[1]!, row[2]!, row[3]!]
}

function withContainers(
  p: Pod,
  statuses: Partial<ContainerStatus>[],
  extra: Partial<Pod['status']> = {},
): Pod {
  const base = p.status.containerStatuses![0]!
  return {
    ...p,
    status: { ...p.status, ...extra, containerStatuses: statuses.map((s) => ({ ...base, ...s })) },
  }
}

describe('printPod STATUS (13.2.4)', () => {
  it('follows a StatefulSet pod through its start: Pending, ContainerCreating, Running 0/1, Running 1/1', () => {
    expect(cells(pod({ ordinal: 0, state: 'pending' }))).toEqual(['0/1', 'Pending', '0'])
    expect(cells(pod({ ordinal: 0, state: 'creating' }))).toEqual(['0/1', 'ContainerCreating', '0'])
    expect(cells(pod({ ordinal: 0, state: 'running' }))).toEqual(['0/1', 'Running', '0'])
    expect(cells(pod({ ordinal: 0 }))).toEqual(['1/1', 'Running', '0'])
  })

  it('uses status.reason over the phase (Evicted)', () => {
    const p = pod({ ordinal: 0 })
    const evicted = {
      ...p,
      status: { ...p.status, phase: 'Failed' as const, reason: 'Evicted', containerStatuses: [] },
    }
    expect(cells(evicted)[1]).toBe('Evicted')
  })

  it('shows Terminating once deletionTimestamp is set, while containers still report', () => {
    const p = pod({ ordinal: 2 })
    const deleting = {
      ...p,
      metadata: { ...p.metadata, deletionTimestamp: at(90), deletionGracePeriodSeconds: 30 },
    }
    expect(cells(deleting)).toEqual(['1/1', 'Terminating', '0'])
  })

  it('shows Unknown for a deleted pod on a lost node', () => {
    const p = pod({ ordinal: 0 })
    const lost = {
      ...p,
      metadata: { ...p.metadata, deletionTimestamp: at(50) },
      status: { ...p.status, reason: 'NodeLost' },
    }
    expect(cells(lost)[1]).toBe('Unknown')
  })

  it('shows the terminal state, not Terminating, for a deleted pod that already finished', () => {
    const p = pod({ ordinal: 0 })
    const done = withContainers({ ...p, metadata: { ...p.metadata, deletionTimestamp: at(50) } }, [
      { ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ])
    expect(cells({ ...done, status: { ...done.status, phase: 'Succeeded' } })).toEqual([
      '0/1',
      'Completed',
      '0',
    ])
  })

  it('names a terminated container without reason by its signal or exit code', () => {
    expect(
      cells(
        withContainers(pod({ ordinal: 0 }), [
          { ready: false, state: { terminated: { exitCode: 137, signal: 9 } } },
        ]),
      )[1],
    ).toBe('Signal:9')
    expect(
      cells(
        withContainers(pod({ ordinal: 0 }), [{ ready: false, state: { terminated: { exitCode: 2 } } }]),
      )[1],
    ).toBe('ExitCode:2')
  })

  it('reports restarts with the time since the last one ended', () => {
    const crashing = withContainers(pod({ ordinal: 0 }), [
      {
        ready: false,
        restartCount: 3,
        state: {
          waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=nginx' },
        },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(100), finishedAt: at(110) } },
      },
    ])
    expect(cells(crashing, 230)).toEqual(['0/1', 'CrashLoopBackOff', '3 (2m ago)'])
  })

  it('keeps Running (or NotReady) when one container completed next to a running one', () => {
    const p = pod({ ordinal: 0 })
    const two = {
      ...p,
      spec: { ...p.spec, containers: [...p.spec.containers, { ...p.spec.containers[0]!, name: 'sidecar' }] },
    }
    const statuses: Partial<ContainerStatus>[] = [
      { name: 'nginx', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'sidecar', ready: true, state: { running: { startedAt: at(5) } } },
    ]
    expect(cells(withContainers(two, statuses))).toEqual(['1/2', 'Running', '0'])
    const unready = withContainers(two, statuses)
    const conditions = unready.status.conditions!.map((c) =>
      c.type === 'Ready' ? { ...c, status: 'False' as const } : c,
    )
    expect(cells({ ...unready, status: { ...unready.status, conditions } })).toEqual(['1/2', 'NotReady', '0'])
  })

  it('reports init containers as Init:n/m, Init:<reason> or Init:Error', () => {
    const p = pod({ ordinal: 0, state: 'creating' })
    const initContainer = { name: 'init', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 5'] }
    const base = { ...p, spec: { ...p.spec, initContainers: [initContainer] } }
    // While init containers run, the kubelet reports Initialized=False (ContainersNotInitialized).
    const init = (s: Partial<ContainerStatus>, initialized = false) => ({
      ...base,
      status: {
        ...base.status,
        conditions: base.status.conditions!.map((c) =>
          c.type === 'Initialized'
            ? { ...c, status: initialized ? ('True' as const) : ('False' as const) }
            : c,
        ),
        initContainerStatuses: [
          {
            name: 'init',
            image: 'busybox:1.28',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: {},
            lastState: {},
            ...s,
          },
        ],
      },
    })
    expect(cells(init({ state: { running: { startedAt: at(2) } } }))[1]).toBe('Init:0/1')
    expect(cells(init({ state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 2 }))).toEqual([
      '0/1',
      'Init:CrashLoopBackOff',
      '2',
    ])
    expect(cells(init({ state: { terminated: { exitCode: 1, reason: 'Error' } } }))[1]).toBe('Init:Error')
    expect(cells(init({ state: { terminated: { exitCode: 0, reason: 'Completed' } } }, true))[1]).toBe(
      'ContainerCreating',
    )
    // Once Initialized is True the main containers decide, whatever the init statuses say.
    expect(cells(init({ state: { running: { startedAt: at(2) } } }, true))[1]).toBe('ContainerCreating')
  })

  it('shows SchedulingGated for a pod held by scheduling gates', () => {
    const p = pod({ ordinal: 0, state: 'pending' })
    const gated = {
      ...p,
      status: {
        ...p.status,
        conditions: [{ type: 'PodScheduled', status: 'False' as const, reason: 'SchedulingGated' }],
      },
    }
    expect(cells(gated)[1]).toBe('SchedulingGated')
  })
})

describe('printPod wide cells', () => {
  it('prints <none> for a pod without IP or node, and readiness gates as true/total', () => {
    const row = podTable.row(pod({ ordinal: 0, state: 'pending' }), 0)
    expect(row.slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>'])
    const p = pod({ ordinal: 0 })
    const gated = {
      ...p,
      spec: {
        ...p.spec,
        readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'Ready' }],
      },
    }
    expect(podTable.row(gated, 0)[8]).toBe('1/2')
  })
})
