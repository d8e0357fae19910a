// kubectl rollout status (13.9, 14.1) and kubectl wait, driven the way a terminal drives them:
// the command blocks, simulated time runs until it is done or its timeout passes.
import { describe, expect, test } from 'vitest'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

const TEMPLATE_08 = `"template":{"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.8"}]}}`
const IMAGE_08 = `{"spec":{${TEMPLATE_08}}}`
const PARTITION_2_AND_IMAGE_08 = `{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}},${TEMPLATE_08}}}`

function freshWeb(manifest = WEB_YAML): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': manifest } })
  k.kubectl('apply -f web.yaml')
  return k
}

/** The lines of a rollout status run with consecutive repeats folded (one line is printed per watch event). */
const distinct = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter((l, i, a) => i === 0 || l !== a[i - 1])

describe('kubectl rollout status statefulset/web', () => {
  test('on a fresh set counts pods down and ends "partitioned roll out complete" (13.9, 14.1)', () => {
    const k = freshWeb()
    const r = k.kubectl('rollout status statefulset/web')
    expect(r.ended).toBe('done')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(distinct(r.stdout)).toEqual([
      'Waiting for statefulset spec update to be observed...',
      'Waiting for 2 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 2 new pods have been updated...',
    ])
    expect(k.isReady('web-0') && k.isReady('web-1')).toBe(true)
  })

  test('once done, prints the final line at once; sts/web is the same command', () => {
    const k = freshWeb()
    k.settle()
    expect(k.kubectl('rollout status sts/web')).toEqual({
      stdout: 'partitioned roll out complete: 2 new pods have been updated...\n',
      stderr: '',
      output: 'partitioned roll out complete: 2 new pods have been updated...\n',
      exitCode: 0,
    })
    expect(k.kubectl('rollout status statefulset web').stdout).toBe(
      'partitioned roll out complete: 2 new pods have been updated...\n',
    )
  })

  test('with partition ≥ replicas an image change reports done straight away, 0 pods updated (13.9)', () => {
    const k = freshWeb()
    k.settle()
    k.kubectl(`patch sts web -p '${PARTITION_2_AND_IMAGE_08}'`)
    const r = k.kubectl('rollout status sts/web')
    expect(r.stdout).toBe(
      'Waiting for statefulset spec update to be observed...\npartitioned roll out complete: 0 new pods have been updated...\n',
    )
    expect(r.exitCode).toBe(0)
    expect(k.kubectl("get pods -o jsonpath='{.items[*].spec.containers[0].image}'").stdout).toBe(
      'registry.k8s.io/nginx-slim:0.7 registry.k8s.io/nginx-slim:0.7',
    )
  })

  test('lowering the partition to 1 waits for the one pod at or above it (8.5)', () => {
    const k = freshWeb()
    k.settle()
    k.kubectl(`patch sts web -p '${PARTITION_2_AND_IMAGE_08}'`)
    k.kubectl('rollout status sts/web')
    k.kubectl(`patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'`)
    const lines = distinct(k.kubectl('rollout status sts/web').stdout)
    expect(lines[0]).toBe('Waiting for statefulset spec update to be observed...')
    expect(lines).toContain(
      'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...',
    )
    expect(lines.at(-1)).toBe('partitioned roll out complete: 1 new pods have been updated...')
  })

  test('with an explicit RollingUpdate and no rollingUpdate block, the revision wording (1.2, 13.9 rule 5)', () => {
    const k = freshWeb(
      WEB_YAML.replace('  replicas: 2\n', '  replicas: 2\n  updateStrategy:\n    type: RollingUpdate\n'),
    )
    const done = distinct(k.kubectl('rollout status sts/web').stdout).at(-1)!
    expect(done).toMatch(/^statefulset rolling update complete 2 pods at revision web-[a-z0-9]+\.\.\.$/)
    k.kubectl(`patch sts web -p '${IMAGE_08}'`)
    const lines = distinct(k.kubectl('rollout status sts/web').stdout)
    const revision = /at revision (web-[a-z0-9]+)\.\.\.$/.exec(lines.at(-1)!)![1]
    expect(lines).toContain(
      `waiting for statefulset rolling update to complete 0 pods at revision ${revision}...`,
    )
    expect(lines.at(-1)).toBe(`statefulset rolling update complete 2 pods at revision ${revision}...`)
  })

  test('--timeout ends it with "timed out waiting for the condition", exit 1', () => {
    const k = freshWeb()
    const start = k.sim.now
    const r = k.kubectl('rollout status sts/web --timeout=2s')
    expect(r.ended).toBe('timeout')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('error: timed out waiting for the condition\n')
    expect(k.sim.now - start).toBe(2000)
  })

  test('--watch=false prints the current line once and returns', () => {
    const k = freshWeb()
    const r = k.kubectl('rollout status sts/web --watch=false')
    expect(r.stdout).toBe('Waiting for statefulset spec update to be observed...\n')
    expect(r.ended).toBeUndefined()
  })

  test('a missing StatefulSet and a kind without a status viewer', () => {
    const k = freshWeb()
    k.settle()
    expect(k.kubectl('rollout status sts/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      exitCode: 1,
    })
    expect(k.kubectl('rollout status pod/web-0')).toMatchObject({
      stderr: 'error: no status viewer has been implemented for Pod\n',
      exitCode: 1,
    })
  })
})

describe('kubectl wait', () => {
  test('--for=condition=Ready blocks until the pod is Ready', () => {
    const k = freshWeb()
    k.advanceUntil(() => k.sim.ctx.api.tryGet('Pod', 'default', 'web-0') !== undefined)
    expect(k.isReady('web-0')).toBe(false)
    const r = k.kubectl('wait --for=condition=Ready pod/web-0')
    expect(r).toEqual({
      stdout: 'pod/web-0 condition met\n',
      stderr: '',
      output: 'pod/web-0 condition met\n',
      exitCode: 0,
      ended: 'done',
    })
    expect(k.isReady('web-0')).toBe(true)
  })

  test('with -l prints one line per object, as each one meets the condition', () => {
    const k = freshWeb()
    k.advanceUntil(() => k.sim.ctx.api.list('Pod', 'default').length === 1)
    expect(k.kubectl('wait --for=condition=Ready pod -l app=nginx').stdout).toBe('pod/web-0 condition met\n')
    k.settle()
    expect(k.kubectl('wait --for=condition=Ready pod -l app=nginx').stdout).toBe(
      'pod/web-0 condition met\npod/web-1 condition met\n',
    )
  })

  test('--timeout ends it with "timed out waiting for the condition on pods/NAME", exit 1', () => {
    const k = freshWeb()
    k.advanceUntil(() => k.sim.ctx.api.tryGet('Pod', 'default', 'web-0') !== undefined)
    const r = k.kubectl('wait --for=condition=Ready pod/web-0 --timeout=1s')
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/web-0\n',
      exitCode: 1,
      ended: 'timeout',
    })
  })

  test('--for=delete waits until a Terminating pod is gone', () => {
    const k = freshWeb()
    k.settle()
    k.kubectl('delete pod web-1 --wait=false')
    const r = k.kubectl('wait --for=delete pod/web-1 --timeout=60s')
    expect(r).toMatchObject({ stdout: 'pod/web-1 condition met\n', exitCode: 0, ended: 'done' })
  })

  test('--for=delete of something already gone succeeds silently', () => {
    const k = freshWeb()
    expect(k.kubectl('wait --for=delete pod/nope')).toEqual({
      stdout: '',
      stderr: '',
      output: '',
      exitCode: 0,
    })
  })

  test('a missing object and an empty selection', () => {
    const k = freshWeb()
    expect(k.kubectl('wait --for=condition=Ready pod/nope')).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect(k.kubectl('wait --for=condition=Ready pod -l app=none')).toMatchObject({
      stderr: 'error: no matching resources found\n',
      exitCode: 1,
    })
  })

  test('--for=jsonpath waits for a field value', () => {
    const k = freshWeb()
    const r = k.kubectl(`wait --for=jsonpath='{.status.readyReplicas}'=2 sts/web`)
    expect(r.exitCode).toBe(0)
    expect(r.ended).toBe('done')
    expect(k.isReady('web-1')).toBe(true)
  })

  // wait prints with a NamePrinter ("condition met"), which names objects kind.group/name like
  // every other kubectl printer: statefulset.apps/web, not statefulset/web.
  test('names a StatefulSet statefulset.apps/web', () => {
    const k = freshWeb()
    expect(k.kubectl(`wait --for=jsonpath='{.status.readyReplicas}'=2 sts/web`).stdout).toBe(
      'statefulset.apps/web condition met\n',
    )
  })
})
