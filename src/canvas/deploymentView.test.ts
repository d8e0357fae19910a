// The Deployment side of the comparison: ReplicaSet rows of randomly named pods, one shared claim,
// and a rolling update seen as a new ReplicaSet growing while the old one shrinks.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { viewModel } from './viewModel'

const COMPARISON = readFileSync(
  new URL('../examples/deployment-vs-statefulset.yaml', import.meta.url),
  'utf8',
)

function running(): ClusterSession {
  const s = new ClusterSession(1)
  expect(s.apply(COMPARISON).exitCode).toBe(0)
  s.advanceTo(90_000)
  return s
}

describe('deployment view', () => {
  it('draws the Deployment beside the StatefulSet: random names, no slots, one shared claim', () => {
    const model = viewModel(running().snapshot())
    expect(model.sets.map((s) => s.name)).toEqual(['web'])
    const [d] = model.deployments
    expect(d).toMatchObject({ name: 'web-deploy', ready: '3/3', replicas: 3, revision: 1 })
    expect(d!.replicaSets).toHaveLength(1)
    const rs = d!.replicaSets[0]!
    expect(rs.name).toMatch(/^web-deploy-[a-z0-9]+$/)
    expect(rs.pods.map((p) => p.name)).toEqual(
      rs.pods
        .map((p) => p.name)
        .filter((n) => new RegExp(`^${rs.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`).test(n)),
    )
    expect(rs.pods).toHaveLength(3)
    expect(d!.claims.map((c) => c.name)).toEqual(['www-shared'])
    // Its pods and claim are drawn in its section, not as loose pods or standalone claims.
    expect(model.loosePods).toEqual([])
    expect(model.claims).toEqual([])
    expect(d!.activity).toBe('all 3 replicas Running and Ready, in no particular order')
  })

  it('a template change shows a new ReplicaSet growing while the old one shrinks', () => {
    const s = running()
    s.command('kubectl set image deployment/web-deploy nginx=registry.k8s.io/nginx-slim:0.8')
    let sawRolling = false
    const begin = s.snapshot().now
    for (let t = begin; t < begin + 120_000; t += 250) {
      s.advanceTo(t)
      const d = viewModel(s.snapshot()).deployments[0]!
      if (d.replicaSets.length === 2 && d.activity.startsWith('rolling update: new ReplicaSet'))
        sawRolling = true
    }
    expect(sawRolling).toBe(true)
    const d = viewModel(s.snapshot()).deployments[0]!
    expect(d.revision).toBe(2)
    expect(d.replicaSets.map((rs) => [rs.revision, rs.current, rs.pods.length])).toEqual([[2, true, 3]])
  })
})
