// kubectl delete against a running web StatefulSet: the kubectl ≥ 1.34 lines (13.11), waiting
// for the objects to go (13.11.2), force deletion, selectors, --wait=false and --cascade=orphan.
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

const pod = (k: KubectlHarness, name: string) => k.sim.ctx.api.tryGet<Pod>('Pod', 'default', name)

describe('kubectl delete prints one line per object, "from <ns> namespace" for namespaced ones (13.11.1)', () => {
  test('a pod: printed when accepted, then kubectl waits until the pod is gone (13.11.2)', () => {
    const k = runningWeb()
    const uid = pod(k, 'web-0')!.metadata.uid
    const start = k.sim.now
    const r = k.kubectl('delete pod web-0')
    expect(r).toEqual({
      stdout: 'pod "web-0" deleted from default namespace\n',
      stderr: '',
      output: 'pod "web-0" deleted from default namespace\n',
      exitCode: 0,
      ended: 'done',
    })
    expect(k.sim.now).toBeGreaterThan(start)
    expect(pod(k, 'web-0')?.metadata.uid).not.toBe(uid)
  })

  test('a StatefulSet and a Service, group-qualified where the kind has a group', () => {
    const k = runningWeb()
    expect(k.kubectl('delete sts web').stdout).toBe('statefulset.apps "web" deleted from default namespace\n')
    expect(k.kubectl('delete svc nginx').stdout).toBe('service "nginx" deleted from default namespace\n')
  })

  test("-f deletes the file's objects in order", () => {
    const k = runningWeb()
    expect(k.kubectl('delete -f web.yaml').stdout).toBe(
      'service "nginx" deleted from default namespace\nstatefulset.apps "web" deleted from default namespace\n',
    )
    const again = k.kubectl('delete -f web.yaml')
    expect(again.stderr).toBe(
      'Error from server (NotFound): error when deleting "web.yaml": services "nginx" not found\n' +
        'Error from server (NotFound): error when deleting "web.yaml": statefulsets.apps "web" not found\n',
    )
    expect(again.exitCode).toBe(1)
  })

  test('cluster-scoped objects have no namespace in the line', () => {
    const k = runningWeb()
    const names = k.sim.ctx.api
      .list('PersistentVolume')
      .map((pv) => pv.metadata.name)
      .sort()
    expect(k.kubectl('delete pv --all --wait=false').stdout).toBe(
      names.map((n) => `persistentvolume "${n}" deleted\n`).join(''),
    )
  })

  test('-l deletes every match, one line each, in list order (13.11.3)', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod -l app=nginx').stdout).toBe(
      'pod "web-0" deleted from default namespace\npod "web-1" deleted from default namespace\n',
    )
  })

  test('-l with no match prints "No resources found" and succeeds', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod -l app=nope')).toEqual({
      stdout: 'No resources found\n',
      stderr: '',
      output: 'No resources found\n',
      exitCode: 0,
    })
  })

  test('-o name prints kind/name', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod web-1 -o name --wait=false').stdout).toBe('pod/web-1\n')
  })

  test('a name that does not exist is NotFound, exit 1', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod nope')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect(k.kubectl('delete pod nope --ignore-not-found')).toMatchObject({ output: '', exitCode: 0 })
  })

  test('a type without a name, selector or --all is refused', () => {
    expect(runningWeb().kubectl('delete pod').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    )
  })
})

describe('kubectl delete --force and --grace-period', () => {
  test('--grace-period=0 --force warns, says "force deleted", and the pod is gone at once', () => {
    const k = runningWeb()
    const uid = pod(k, 'web-0')!.metadata.uid
    const start = k.sim.now
    const r = k.kubectl('delete pod web-0 --grace-period=0 --force')
    expect(r.output).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'pod "web-0" force deleted from default namespace\n',
    )
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
    expect(r.exitCode).toBe(0)
    expect(k.sim.now).toBe(start)
    expect(pod(k, 'web-0')?.metadata.uid).not.toBe(uid)
  })

  test('--force alone means --grace-period=0', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod web-1 --force').stdout).toBe(
      'pod "web-1" force deleted from default namespace\n',
    )
  })

  test('--force with a positive grace period is refused before anything is deleted', () => {
    const k = runningWeb()
    const r = k.kubectl('delete pod web-0 --force --grace-period=5')
    expect(r).toEqual({
      stdout: '',
      stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      output: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      exitCode: 1,
    })
    expect(pod(k, 'web-0')?.metadata.deletionTimestamp).toBeUndefined()
  })

  test('--grace-period=0 without --force is a graceful delete of 1 second, not a force delete', () => {
    const k = runningWeb()
    const r = k.kubectl('delete pod web-0 --grace-period=0 --wait=false')
    expect(r.output).toBe('pod "web-0" deleted from default namespace\n')
    expect(pod(k, 'web-0')?.metadata.deletionGracePeriodSeconds).toBe(1)
  })

  // delete.go prints the warning in Validate, before any object is looked up.
  test('the force warning comes even when the object is not found', () => {
    const k = runningWeb()
    expect(k.kubectl('delete pod nope --force').stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'Error from server (NotFound): pods "nope" not found\n',
    )
  })
})

describe('kubectl delete --wait=false and --cascade', () => {
  test('--wait=false returns at once while the pod is still Terminating', () => {
    const k = runningWeb()
    const start = k.sim.now
    const r = k.kubectl('delete pod web-1 --wait=false')
    expect(r.stdout).toBe('pod "web-1" deleted from default namespace\n')
    expect(r.ended).toBeUndefined()
    expect(k.sim.now).toBe(start)
    expect(pod(k, 'web-1')?.metadata.deletionTimestamp).toBeDefined()
    expect(k.kubectl('get pod web-1').stdout).toMatch(
      /^NAME    READY   STATUS        RESTARTS   AGE\nweb-1   1\/1     Terminating   0          \d+s\n$/,
    )
  })

  test('--cascade=orphan deletes the StatefulSet and leaves its pods running without ownerReferences', () => {
    const k = runningWeb()
    expect(k.kubectl('delete sts web --cascade=orphan').stdout).toBe(
      'statefulset.apps "web" deleted from default namespace\n',
    )
    k.advance(10_000)
    expect(k.kubectl('get sts').stderr).toBe('No resources found in default namespace.\n')
    expect(k.kubectl('get pods --field-selector status.phase=Running -o name').stdout).toBe(
      'pod/web-0\npod/web-1\n',
    )
    expect(k.kubectl("get pods -o jsonpath='{.items[*].metadata.ownerReferences}'").stdout).toBe('')
    expect(pod(k, 'web-0')!.metadata.ownerReferences ?? []).toEqual([])
  })

  test('the default cascade (background) removes the pods after the StatefulSet', () => {
    const k = runningWeb()
    k.kubectl('delete sts web')
    k.advanceUntil(() => k.sim.ctx.api.list('Pod', 'default').length === 0, 120_000)
    expect(k.kubectl('get pods').stderr).toBe('No resources found in default namespace.\n')
  })

  test('an unknown cascade value is refused', () => {
    expect(runningWeb().kubectl('delete sts web --cascade=bogus').stderr).toBe(
      'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n',
    )
  })
})
