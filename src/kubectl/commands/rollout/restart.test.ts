// kubectl rollout restart for a StatefulSet (7.8): stamps the template with restartedAt (the
// simulated time), which makes a new revision and so replaces every pod.
import { describe, expect, test } from 'vitest'
import type { ControllerRevision, Pod } from '../../../sim/model'
import { timestamp } from '../../../sim/runtime/time'
import { runningWeb, web } from './testing'

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'

describe('kubectl rollout restart statefulset/web', () => {
  test('stamps the template with the simulated time and rolls every pod', () => {
    const k = runningWeb(3)
    const before = k.sim.ctx.api.list<Pod>('Pod', 'default').map((p) => p.metadata.uid)
    const now = timestamp(k.sim.now)
    expect(k.kubectl('rollout restart statefulset/web')).toEqual({
      stdout: 'statefulset.apps/web restarted\n',
      stderr: '',
      output: 'statefulset.apps/web restarted\n',
      exitCode: 0,
    })
    expect(web(k).spec.template.metadata?.annotations).toEqual({ [RESTARTED_AT]: now })
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const status = k.kubectl('rollout status sts/web').stdout
    expect(status).toContain(
      'Waiting for partitioned roll out to finish: 0 out of 3 new pods have been updated...',
    )
    expect(status.trimEnd().split('\n').at(-1)).toBe(
      'partitioned roll out complete: 3 new pods have been updated...',
    )
    const after = k.sim.ctx.api.list<Pod>('Pod', 'default')
    expect(after.map((p) => p.metadata.uid).filter((u) => before.includes(u))).toEqual([])
    expect(after.every((p) => p.metadata.annotations?.[RESTARTED_AT] === now)).toBe(true)
    const crs = k.sim.ctx.api.list<ControllerRevision>('ControllerRevision', 'default')
    expect(crs.map((r) => r.revision).sort()).toEqual([1, 2])
  })

  test('a second restart within the same second fails; a second later it works', () => {
    const k = runningWeb()
    k.kubectl('rollout restart sts/web')
    expect(k.kubectl('rollout restart sts/web')).toMatchObject({
      stderr:
        'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    })
    k.advance(1000)
    expect(k.kubectl('rollout restart sts/web').stdout).toBe('statefulset.apps/web restarted\n')
  })

  test('a bare type restarts every set; nothing matched says so on stderr and succeeds', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout restart sts').stdout).toBe('statefulset.apps/web restarted\n')
    expect(k.kubectl('rollout restart sts -l app=none')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      output: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })

  test('errors: no resource, a pod, a missing set; -o name prints the name only', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout restart').stderr).toBe('error: required resource not specified\n')
    expect(k.kubectl('rollout restart pod/web-0').stderr).toBe(
      'error: pods "web-0" restarting is not supported\n',
    )
    expect(k.kubectl('rollout restart sts/nope').stderr).toBe(
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    )
    expect(k.kubectl('rollout restart sts/web -o name').stdout).toBe('statefulset.apps/web\n')
  })
})
