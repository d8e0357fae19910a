// Ordinal's replica limit is the API server's, so every way of asking for more replicas meets it.
import { describe, expect, test } from 'vitest'
import { KubectlHarness, WEB_YAML } from '../../../kubectl/testing/kubectlHarness'
import type { StatefulSet } from '../../model'
import { MAX_REPLICAS } from './limits'

const LIMIT = `must be no more than ${MAX_REPLICAS} in Ordinal (a limit of the simulator, not of Kubernetes; see "Limits" in the README)`

describe(`at most ${MAX_REPLICAS} replicas per workload`, () => {
  test('kubectl apply of a StatefulSet over the limit is refused as invalid; at the limit it is created', () => {
    const over = new KubectlHarness({
      files: { 'web.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 10001') },
    })
    expect(over.kubectl('apply -f web.yaml').stderr).toBe(
      `The StatefulSet "web" is invalid: spec.replicas: Invalid value: 10001: ${LIMIT}\n`,
    )
    const at = new KubectlHarness({
      files: { 'web.yaml': WEB_YAML.replace('replicas: 2', 'replicas: 10000') },
    })
    expect(at.kubectl('apply -f web.yaml').stdout).toContain('statefulset.apps/web created')
  })

  test('kubectl scale past the limit is refused and leaves the set as it was', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    k.kubectl('apply -f web.yaml')
    const r = k.kubectl('scale statefulset web --replicas=20000')
    expect(r.stderr).toContain(`spec.replicas: Invalid value: 20000: ${LIMIT}`)
    expect(r.exitCode).toBe(1)
    expect(k.sim.ctx.api.get<StatefulSet>('StatefulSet', 'default', 'web').spec.replicas).toBe(2)
  })
})
