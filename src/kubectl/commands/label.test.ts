// kubectl label against the running web StatefulSet: kubectl's messages for adding, changing,
// removing and not changing labels, the --overwrite guard, selectors, --list, dry runs and the
// argument and value errors (pkg/cmd/label/label.go).
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

const labels = (k: KubectlHarness, name: string) =>
  k.sim.ctx.api.get<Pod>('Pod', 'default', name).metadata.labels ?? {}

describe('kubectl label', () => {
  test('adds, overwrites, removes, and says when nothing changed', () => {
    const k = runningWeb()
    expect(k.kubectl('label pod web-0 tier=frontend')).toMatchObject({
      stdout: 'pod/web-0 labeled\n',
      exitCode: 0,
    })
    expect(labels(k, 'web-0').tier).toBe('frontend')
    const rv = k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-0').metadata.resourceVersion
    expect(k.kubectl('label pod web-0 tier=frontend').stdout).toBe('pod/web-0 not labeled\n')
    expect(k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-0').metadata.resourceVersion).toBe(rv)
    expect(k.kubectl('label pod/web-0 tier=backend --overwrite').stdout).toBe('pod/web-0 labeled\n')
    expect(k.kubectl('label pod web-0 tier-').stdout).toBe('pod/web-0 unlabeled\n')
    expect(labels(k, 'web-0').tier).toBeUndefined()
    expect(k.kubectl('label pod web-0 tier-').stdout).toBe('label "tier" not found.\npod/web-0 not labeled\n')
    k.kubectl('label pod web-0 a=1')
    expect(k.kubectl('label pod web-0 b=2 a-').stdout).toBe('pod/web-0 label(s) changed\n')
  })

  test('without --overwrite, a different value is refused with kubectl error', () => {
    const k = runningWeb()
    expect(k.kubectl('label pod web-0 app=other')).toMatchObject({
      stdout: '',
      stderr: "error: 'app' already has a value (nginx), and --overwrite is false\n",
      exitCode: 1,
    })
    expect(labels(k, 'web-0').app).toBe('nginx')
    k.kubectl('label pod web-0 tier=frontend')
    // One object, two clashing keys: an aggregate of two, one line each and no `error: `.
    expect(k.kubectl('label pod web-0 app=a tier=b').stderr).toBe(
      "'app' already has a value (nginx), and --overwrite is false\n'tier' already has a value (frontend), and --overwrite is false\n",
    )
  })

  test('-l and --all label every matching object; errors are collected and printed last', () => {
    const k = runningWeb()
    expect(k.kubectl('label pods -l app=nginx tier=web').stdout).toBe(
      'pod/web-0 labeled\npod/web-1 labeled\n',
    )
    k.kubectl('label pod web-1 tier=other --overwrite')
    const r = k.kubectl('label pods --all tier=web')
    expect(r.stdout).toBe('pod/web-0 not labeled\n')
    expect(r.stderr).toBe("error: 'tier' already has a value (other), and --overwrite is false\n")
    expect(k.kubectl('label pods --all -l app=nginx x=y').stderr).toBe(
      'error: cannot set --all and --selector at the same time\n',
    )
    expect(k.kubectl('label pods x=y').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    )
  })

  test('--list prints key=value, with a heading per object when several may match', () => {
    const k = runningWeb()
    expect(k.kubectl('label svc nginx --list').stdout).toBe('app=nginx\n')
    expect(k.kubectl('label pods -l app=nginx --list').stdout).toBe(
      [
        'Listing labels for Pod./web-0:',
        ' app=nginx',
        ' apps.kubernetes.io/pod-index=0',
        ' controller-revision-hash=web-6dc4484b78',
        ' statefulset.kubernetes.io/pod-name=web-0',
        'Listing labels for Pod./web-1:',
        ' app=nginx',
        ' apps.kubernetes.io/pod-index=1',
        ' controller-revision-hash=web-6dc4484b78',
        ' statefulset.kubernetes.io/pod-name=web-1',
        '',
      ].join('\n'),
    )
    expect(k.kubectl('label sts web --list -o name').stderr).toBe(
      'error: --list and --output may not be specified together\n',
    )
  })

  test('--dry-run and -o: the name printer with a suffix, or the object', () => {
    const k = runningWeb()
    expect(k.kubectl('label pod web-0 tier=x --dry-run=client').stdout).toBe('pod/web-0 labeled (dry run)\n')
    expect(k.kubectl('label pod web-0 tier=x --dry-run=server').stdout).toBe(
      'pod/web-0 labeled (server dry run)\n',
    )
    expect(labels(k, 'web-0').tier).toBeUndefined()
    expect(k.kubectl('label pod web-0 tier=x -o name').stdout).toBe('pod/web-0\n')
    const json = JSON.parse(k.kubectl('label pod web-0 zone=a -o json').stdout) as Pod
    expect(json.metadata.labels).toMatchObject({ tier: 'x', zone: 'a' })
    expect(k.kubectl('label svc nginx tier=x -o yaml').stdout).toMatch(/^apiVersion: v1\nkind: Service\n/)
  })

  test('argument and value errors in kubectl words; bad keys come back from the server', () => {
    const k = runningWeb()
    expect(k.kubectl('label pod web-0').stderr).toBe('error: at least one label update is required\n')
    expect(k.kubectl('label a=b').stderr).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    )
    expect(k.kubectl('label pod web-0 a=b web-1').stderr).toBe(
      'error: all resources must be specified before label changes: web-1\n',
    )
    expect(k.kubectl('label pod web-0 a=b=c').stderr).toBe('error: invalid label spec: a=b=c\n')
    expect(k.kubectl('label pod web-0 a=b a-').stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    )
    expect(k.kubectl(['label', 'pod', 'web-0', `a=${'x'.repeat(64)}`]).stderr).toBe(
      `error: invalid label value: "a=${'x'.repeat(64)}": must be no more than 63 characters\n`,
    )
    expect(k.kubectl(['label', 'pod', 'web-0', 'a=-x']).stderr).toMatch(
      /^error: invalid label value: "a=-x": a valid label must be an empty string or consist of alphanumeric characters/,
    )
    expect(k.kubectl(['label', 'pod', 'web-0', 'bad key=v']).stderr).toMatch(
      /^The Pod "web-0" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of/,
    )
    expect(k.kubectl('label pod nope a=b')).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })
})
