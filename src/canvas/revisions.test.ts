// Revisions on the canvas: each slot's tenant shows the ControllerRevision it runs, outdated
// tenants are marked during a rollout, a partition holds the ordinals below it, and the set's
// activity line says why pods wait (RollingUpdate, partition, OnDelete, a blocked rollout).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { viewModel } from './viewModel'
import type { SetView } from './model'

const WEB_YAML = readFileSync(new URL('../examples/web.yaml', import.meta.url), 'utf8')
const IMAGE_08 = `kubectl patch statefulset web --type=json -p='[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.k8s.io/nginx-slim:0.8"}]'`

function running(replicas = 3): ClusterSession {
  const s = new ClusterSession(1)
  expect(s.apply(WEB_YAML.replace('replicas: 2', `replicas: ${replicas}`)).exitCode).toBe(0)
  s.advanceTo(60_000)
  return s
}

function web(s: ClusterSession): SetView {
  return viewModel(s.snapshot()).sets.find((x) => x.name === 'web')!
}

const revisions = (set: SetView) =>
  set.slots.map(
    (slot) =>
      `${slot.name} ${slot.revision?.number}/${slot.revision?.tag}/${slot.revision?.state}${slot.held ? ' held' : ''}`,
  )

describe('revisions on the canvas', () => {
  it('every tenant starts at revision 1 with its image tag, and nothing is held', () => {
    const s = running()
    const set = web(s)
    expect(revisions(set)).toEqual(['web-0 1/0.7/update', 'web-1 1/0.7/update', 'web-2 1/0.7/update'])
    expect([set.currentRevision, set.updateRevision, set.outdated, set.partition]).toEqual([1, 1, 0, 0])
    expect(set.activity).toBe('all 3 replicas Running and Ready')
  })

  it('a partition holds the ordinals below it at the old revision, and says so', () => {
    const s = running()
    s.command(
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'`,
    )
    s.command(IMAGE_08)
    s.advanceTo(s.snapshot().now + 60_000)
    const set = web(s)
    expect(revisions(set)).toEqual(['web-0 1/0.7/old held', 'web-1 1/0.7/old held', 'web-2 2/0.8/update'])
    // Below the partition they are held, not waiting: nothing is left "to update".
    expect([set.currentRevision, set.updateRevision, set.outdated, set.heldOutdated, set.partition]).toEqual([
      1, 2, 0, 2, 2,
    ])
    expect(set.activity).toBe(
      'partition 2: web-0, web-1 keep their revision (ordinals below 2 are not updated)',
    )
  })

  it('a rolling update names the pod it replaces, highest ordinal first', () => {
    const s = running()
    s.command(IMAGE_08)
    const seen = new Set<string>()
    const begin = s.snapshot().now
    for (let t = begin; t < begin + 60_000; t += 200) {
      s.advanceTo(t)
      seen.add(web(s).activity)
    }
    const replacing = [...seen].filter((a) => a.startsWith('rolling update: replacing'))
    expect(replacing).toEqual([
      'rolling update: replacing web-2 with revision 2 (highest ordinal first)',
      'rolling update: replacing web-1 with revision 2 (highest ordinal first)',
      'rolling update: replacing web-0 with revision 2 (highest ordinal first)',
    ])
  })

  it('OnDelete: the new revision waits for the user to delete pods', () => {
    const s = running(2)
    s.command(
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
    )
    s.command(IMAGE_08)
    s.advanceTo(s.snapshot().now + 30_000)
    const set = web(s)
    expect(revisions(set)).toEqual(['web-0 1/0.7/old', 'web-1 1/0.7/old'])
    expect(set.activity).toBe('OnDelete: web-0, web-1 change only when you delete them')
  })

  it('a rollout stuck behind a pod that never becomes Ready says how to unblock it', () => {
    const s = running()
    s.command(
      `kubectl patch statefulset web --type=json -p='[{"op":"add","path":"/spec/template/spec/containers/0/command","value":["false"]}]'`,
    )
    s.advanceTo(s.snapshot().now + 120_000)
    const set = web(s)
    expect(set.slots[2]!.revision?.state).toBe('update')
    expect(set.activity).toMatch(
      /^rollout blocked: web-2 \(revision 2\) is (CrashLoopBackOff|Error); fix the template, then delete web-2$/,
    )
  })
})

describe('what the activity line says about deleted pods during an update', () => {
  it('below the partition a deleted pod comes back at its old revision; under OnDelete at the new one', () => {
    const s = running()
    s.command(
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'`,
    )
    s.command(IMAGE_08)
    s.advanceTo(s.snapshot().now + 60_000)
    s.command('kubectl delete pod web-0 --wait=false')
    expect(web(s).activity).toBe('web-0 terminating: recreated at its old revision (below the partition)')
    s.advanceTo(s.snapshot().now + 60_000)
    expect(web(s).slots[0]!.revision).toMatchObject({ number: 1, state: 'old' })

    s.command(
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
    )
    s.advanceTo(s.snapshot().now + 5_000)
    s.command('kubectl delete pod web-1 --wait=false')
    expect(web(s).activity).toBe('web-1 deleted: recreated at revision 2 (OnDelete)')
    s.advanceTo(s.snapshot().now + 60_000)
    expect(web(s).slots[1]!.revision).toMatchObject({ number: 2, state: 'update' })
  })

  it('with ordinals.start the partition counts from the start ordinal', () => {
    const s = new ClusterSession(1)
    s.apply(WEB_YAML.replace('replicas: 2', 'replicas: 3\n  ordinals:\n    start: 5'))
    s.advanceTo(60_000)
    s.command(
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}}}'`,
    )
    s.command(IMAGE_08)
    s.advanceTo(s.snapshot().now + 60_000)
    const set = web(s)
    expect(revisions(set)).toEqual(['web-5 1/0.7/old held', 'web-6 2/0.8/update', 'web-7 2/0.8/update'])
    expect(set.updatesFrom).toBe(6)
    expect(set.activity).toBe('partition 1: web-5 keeps its revision (ordinals below 6 are not updated)')
  })
})
