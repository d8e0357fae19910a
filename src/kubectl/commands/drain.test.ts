// kubectl drain against the simulated cluster: cordon, evictions through the Eviction API, the
// wait, and kubectl's refusals and errors word for word.
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../sim/model'
import { stopNode } from '../../sim/kubelet/nodePower'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

/** A bare pod bound to `node` (no controller), optionally with an emptyDir volume. */
const barePod = (name: string, node: string, emptyDir = false) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  containers:
  - name: c
    image: registry.k8s.io/nginx-slim:0.7
${emptyDir ? '    volumeMounts:\n    - name: scratch\n      mountPath: /scratch\n  volumes:\n  - name: scratch\n    emptyDir: {}\n' : ''}`

function cluster(files: Record<string, string> = {}): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML, ...files } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

const nodeOf = (k: KubectlHarness, pod: string) =>
  k.sim.ctx.api.get<Pod>('Pod', 'default', pod).spec.nodeName!

describe('kubectl drain', () => {
  test('cordons the node, evicts its pods and waits until they are gone', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-0')
    const uid = k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-0').metadata.uid
    const r = k.kubectl(`drain ${node}`)
    expect(r).toMatchObject({
      stdout: `node/${node} cordoned\nevicting pod default/web-0\npod/web-0 evicted\nnode/${node} drained\n`,
      stderr: '',
      exitCode: 0,
    })
    expect(k.sim.ctx.api.tryGet<Pod>('Pod', 'default', 'web-0')?.metadata.uid).not.toBe(uid)
    expect(k.kubectl('get nodes').stdout).toContain(`${node}   Ready,SchedulingDisabled`)
  })

  test('the recreated pod cannot follow its local volume: the drained node is cordoned', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-0')
    k.kubectl(`drain ${node}`)
    k.advance(10_000)
    expect(k.kubectl('get pod web-0').stdout).toMatch(/web-0 +0\/1 +Pending/)
    expect(k.kubectl('describe pod web-0').stdout).toContain(
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict.',
    )
    k.kubectl(`uncordon ${node}`)
    k.advanceUntilReady(['web-0'], 60_000)
  })

  test('refuses pods no controller manages, naming them, unless --force', () => {
    const k = cluster({ 'foo.yaml': barePod('foo', 'node-2') })
    k.kubectl('apply -f foo.yaml')
    k.advanceUntilReady(['foo'])
    const r = k.kubectl('drain node-2')
    expect(r.stdout).toBe('node/node-2 cordoned\n')
    expect(r.stderr).toBe(
      [
        'error: unable to drain node "node-2" due to error: cannot delete Pods that declare no controller (use --force to override): default/foo, continuing command...',
        'There are pending nodes to be drained:',
        ' node-2',
        'cannot delete Pods that declare no controller (use --force to override): default/foo',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(1)
    expect(k.sim.ctx.api.tryGet<Pod>('Pod', 'default', 'foo')?.metadata.deletionTimestamp).toBeUndefined()

    const forced = k.kubectl('drain node-2 --force')
    expect(forced.output).toBe(
      'node/node-2 already cordoned\nWarning: deleting Pods that declare no controller: default/foo\nevicting pod default/foo\npod/foo evicted\nnode/node-2 drained\n',
    )
  })

  test('several refusals are listed one per line at the end', () => {
    const k = cluster({ 'a.yaml': barePod('a', 'node-2', true), 'b.yaml': barePod('b', 'node-2') })
    k.kubectl('apply -f a.yaml')
    k.kubectl('apply -f b.yaml')
    k.advanceUntilReady(['a', 'b'])
    const r = k.kubectl('drain node-2 --ignore-daemonsets')
    expect(r.stderr).toBe(
      [
        'error: unable to drain node "node-2" due to error: [cannot delete Pods with local storage (use --delete-emptydir-data to override): default/a, cannot delete Pods that declare no controller (use --force to override): default/b], continuing command...',
        'There are pending nodes to be drained:',
        ' node-2',
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/a',
        'cannot delete Pods that declare no controller (use --force to override): default/b',
        '',
      ].join('\n'),
    )
    const forced = k.kubectl('drain node-2 --force --delete-emptydir-data')
    // Pods are reported as they go (b's container stopped first here).
    expect(forced.stdout).toBe(
      'node/node-2 already cordoned\nevicting pod default/a\nevicting pod default/b\npod/b evicted\npod/a evicted\nnode/node-2 drained\n',
    )
    // Only the last filter's warning survives (kubectl's own TODO in filters.go).
    expect(forced.stderr).toBe('Warning: deleting Pods that declare no controller: default/a, default/b\n')
  })

  test('--disable-eviction deletes instead; --grace-period is passed on', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-1')
    let grace: number | undefined
    k.sim.ctx.store.watch((e) => {
      const pod = e.object as Pod
      if (pod.kind === 'Pod' && pod.metadata.uid && pod.metadata.deletionTimestamp && grace === undefined)
        grace = pod.metadata.deletionGracePeriodSeconds
    })
    expect(k.kubectl(`drain ${node} --disable-eviction --grace-period=7`).stdout).toBe(
      `node/${node} cordoned\ndeleting pod default/web-1\npod/web-1 deleted\nnode/${node} drained\n`,
    )
    expect(grace).toBe(7)
  })

  test('dry runs change nothing', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-0')
    expect(k.kubectl(`drain ${node} --dry-run=client`).stdout).toBe(
      `node/${node} cordoned (dry run)\nevicting pod default/web-0 (dry run)\nnode/${node} drained (dry run)\n`,
    )
    expect(k.kubectl(`drain ${node} --dry-run=server`).stdout).toBe(
      `node/${node} cordoned (server dry run)\nevicting pod default/web-0 (server dry run)\nnode/${node} drained (server dry run)\n`,
    )
    expect(k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-0').metadata.deletionTimestamp).toBeUndefined()
  })

  test('on a stopped node the evicted pod never goes: --timeout gives up with kubectl’s report', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-1')
    stopNode(k.sim, node)
    k.advance(70_000)
    const r = k.kubectl(`drain ${node} --timeout=30s`)
    expect(r.ended).toBe('timeout')
    expect(r.stdout).toBe(`node/${node} cordoned\nevicting pod default/web-1\n`)
    const error =
      'error when waiting for pod "web-1" in namespace "default" to terminate: global timeout reached: 30s'
    expect(r.stderr).toBe(
      [
        `There are pending pods in node "${node}" when an error occurred: ${error}`,
        'pod/web-1',
        `error: unable to drain node "${node}" due to error: ${error}, continuing command...`,
        'There are pending nodes to be drained:',
        ` ${node}`,
        error,
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(1)
    expect(k.kubectl('get pod web-1').stdout).toMatch(/web-1 +1\/1 +Terminating/)
  })

  test('--skip-wait-for-delete-timeout stops waiting for pods deleted long ago', () => {
    const k = cluster()
    const node = nodeOf(k, 'web-1')
    stopNode(k.sim, node)
    k.advance(70_000)
    k.kubectl('delete pod web-1 --wait=false')
    k.advance(60_000)
    expect(k.kubectl(`drain ${node} --skip-wait-for-delete-timeout=10`).stdout).toBe(
      `node/${node} cordoned\nnode/${node} drained\n`,
    )
  })

  test('usage errors', () => {
    const k = new KubectlHarness()
    expect(k.kubectl('drain').stderr).toBe(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    )
    expect(k.kubectl('drain node-1 --timeout=soon').stderr).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n',
    )
  })
})
