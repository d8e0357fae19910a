// kubectl patch (strategic, merge, json; 13.13) and kubectl scale (13.10) against a running web
// StatefulSet, including the RollingUpdate → OnDelete trap of the tutorial (8.11, 14.2).
import { describe, expect, test } from 'vitest'
import type { StatefulSet } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

const web = (k: KubectlHarness) => k.sim.ctx.api.get<StatefulSet>('StatefulSet', 'default', 'web')

describe('kubectl patch', () => {
  test('a strategic merge patch of replicas says patched, a repeat says (no change)', () => {
    const k = runningWeb()
    expect(k.kubectl(`patch sts web -p '{"spec":{"replicas":3}}'`)).toEqual({
      stdout: 'statefulset.apps/web patched\n',
      stderr: '',
      output: 'statefulset.apps/web patched\n',
      exitCode: 0,
    })
    expect(web(k).spec.replicas).toBe(3)
    const rv = web(k).metadata.resourceVersion
    expect(k.kubectl(`patch sts web -p '{"spec":{"replicas":3}}'`).stdout).toBe(
      'statefulset.apps/web patched (no change)\n',
    )
    expect(web(k).metadata.resourceVersion).toBe(rv)
  })

  test('a strategic patch merges the containers list by name: the other fields of the container stay', () => {
    const k = runningWeb()
    k.kubectl(
      `patch sts web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.8"}]}}}}'`,
    )
    const c = web(k).spec.template.spec.containers
    expect(c).toHaveLength(1)
    expect(c[0]!.image).toBe('registry.k8s.io/nginx-slim:0.8')
    expect(c[0]!.ports).toEqual([{ containerPort: 80, name: 'web', protocol: 'TCP' }])
    expect(c[0]!.volumeMounts).toEqual([{ mountPath: '/usr/share/nginx/html', name: 'www' }])
  })

  test('--type=merge replaces lists whole (RFC 7386)', () => {
    const k = runningWeb()
    expect(
      k.kubectl(
        `patch sts web --type=merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.8"}]}}}}'`,
      ).stdout,
    ).toBe('statefulset.apps/web patched\n')
    const c = web(k).spec.template.spec.containers[0]!
    expect(c.image).toBe('registry.k8s.io/nginx-slim:0.8')
    expect(c.ports).toBeUndefined()
    expect(c.volumeMounts).toBeUndefined()
  })

  test('--type=merge of replicas', () => {
    const k = runningWeb()
    expect(k.kubectl(`patch sts web --type=merge -p '{"spec":{"replicas":1}}'`).stdout).toBe(
      'statefulset.apps/web patched\n',
    )
    expect(web(k).spec.replicas).toBe(1)
  })

  test('--type=json replace /spec/replicas, then the same again is (no change)', () => {
    const k = runningWeb()
    const patch = `patch sts web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`
    expect(k.kubectl(patch).stdout).toBe('statefulset.apps/web patched\n')
    expect(web(k).spec.replicas).toBe(4)
    expect(k.kubectl(patch).stdout).toBe('statefulset.apps/web patched (no change)\n')
  })

  test('a JSON patch on a missing path fails, exit 1, and changes nothing', () => {
    const k = runningWeb()
    const r = k.kubectl(`patch sts web --type=json -p '[{"op":"replace","path":"/spec/nope/x","value":4}]'`)
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(1)
    expect(web(k).spec.replicas).toBe(2)
  })

  // The API server answers a JSON patch that does not apply with a bare 422 (no kind, no name),
  // which kubectl's CheckErr prints as below — the wording the Kubernetes docs quote in "Update
  // API Objects in Place Using kubectl patch".
  test('a JSON patch on a missing path reads "The request is invalid: …"', () => {
    const k = runningWeb()
    expect(
      k.kubectl(`patch sts web --type=json -p '[{"op":"replace","path":"/spec/nope/x","value":4}]'`).stderr,
    ).toBe('The request is invalid: the server rejected our request due to an error in our request\n')
  })

  test('a patch the validation rejects prints the Invalid error', () => {
    const k = runningWeb()
    expect(k.kubectl(`patch sts web -p '{"spec":{"replicas":-1}}'`)).toMatchObject({
      stderr:
        'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
      exitCode: 1,
    })
  })

  test('RollingUpdate → OnDelete without "rollingUpdate": null is rejected (8.11, 14.2)', () => {
    const k = runningWeb()
    const r = k.kubectl(`patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete"}}}'`)
    // 8.11 quotes the pre-1.34 Go rendering of the value; the engine renders the internal struct
    // as JSON (F108, v1.34+). The field path and the detail are the facts to hold.
    expect(r.stderr).toBe(
      'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":0,"MaxUnavailable":null}: only allowed for updateStrategy \'RollingUpdate\'\n',
    )
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(1)
    expect(web(k).spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } })
  })

  test('…and accepted with "rollingUpdate": null, after which rollout status refuses', () => {
    const k = runningWeb()
    expect(
      k.kubectl(
        `patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
      ).stdout,
    ).toBe('statefulset.apps/web patched\n')
    expect(web(k).spec.updateStrategy).toEqual({ type: 'OnDelete' })
    expect(k.kubectl('rollout status sts/web')).toMatchObject({
      stderr: 'error: rollout status is only available for RollingUpdate strategy type\n',
      exitCode: 1,
    })
  })

  test('an immutable field is Forbidden (12.2)', () => {
    const k = runningWeb()
    expect(k.kubectl(`patch sts web -p '{"spec":{"serviceName":"x"}}'`).stderr).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    )
  })

  test('an unknown patch type and a missing object', () => {
    const k = runningWeb()
    expect(k.kubectl(`patch sts web --type=foo -p '{}'`).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    )
    expect(k.kubectl(`patch pod nope -p '{}'`)).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })

  // patch.go: `must specify --patch or --patch-file containing the contents of the patch`
  // (checked against a kubectl 1.32 client).
  test('no -p names both ways of giving a patch', () => {
    expect(runningWeb().kubectl('patch sts web').stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    )
  })
})

describe('kubectl scale (13.10)', () => {
  test('prints scaled, even when the count does not change', () => {
    const k = runningWeb()
    expect(k.kubectl('scale sts web --replicas=5').stdout).toBe('statefulset.apps/web scaled\n')
    expect(web(k).spec.replicas).toBe(5)
    expect(k.kubectl('scale statefulset/web --replicas=5').stdout).toBe('statefulset.apps/web scaled\n')
  })

  test('--current-replicas is a precondition', () => {
    const k = runningWeb()
    expect(k.kubectl('scale sts web --replicas=3 --current-replicas=1')).toMatchObject({
      stderr: 'error: Expected replicas to be 1, was 2\n',
      exitCode: 1,
    })
    expect(k.kubectl('scale sts web --replicas=3 --current-replicas=2').stdout).toBe(
      'statefulset.apps/web scaled\n',
    )
  })

  test('a missing StatefulSet is NotFound', () => {
    expect(runningWeb().kubectl('scale sts nope --replicas=1')).toMatchObject({
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      exitCode: 1,
    })
  })

  // scale.go marks --replicas required (cobra: `required flag(s) "replicas" not set`); kubectl
  // 1.32 answers `kubectl scale sts web` with exactly that (the COUNT message is for --replicas=-1).
  test('without --replicas cobra reports the required flag', () => {
    expect(runningWeb().kubectl('scale sts web').stderr).toBe('error: required flag(s) "replicas" not set\n')
  })

  test('a negative count is refused', () => {
    expect(runningWeb().kubectl('scale sts web --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    )
  })
})
