// kubectl cordon / uncordon against the simulated cluster: kubectl's lines, the node's
// spec.unschedulable and the node lifecycle controller's unschedulable taint.
import { describe, expect, test } from 'vitest'
import type { Node } from '../../sim/model'
import { KubectlHarness } from '../testing/kubectlHarness'

const node = (k: KubectlHarness, name: string) => k.sim.ctx.api.get<Node>('Node', undefined, name)

describe('kubectl cordon / uncordon', () => {
  test('cordon marks the node unschedulable; get nodes says SchedulingDisabled; a second cordon says already', () => {
    const k = new KubectlHarness()
    expect(k.kubectl('cordon node-1').output).toBe('node/node-1 cordoned\n')
    expect(node(k, 'node-1').spec.unschedulable).toBe(true)
    expect(k.kubectl('cordon node-1').output).toBe('node/node-1 already cordoned\n')
    k.advance(1000)
    expect(k.kubectl('get nodes').stdout).toBe(
      [
        'NAME     STATUS                     ROLES    AGE   VERSION',
        'node-1   Ready,SchedulingDisabled   <none>   3h    v1.34.0',
        'node-2   Ready                      <none>   3h    v1.34.0',
        'node-3   Ready                      <none>   3h    v1.34.0',
        '',
      ].join('\n'),
    )
    // The node lifecycle controller adds the matching taint.
    expect(node(k, 'node-1').spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unschedulable:NoSchedule',
    ])
  })

  test('uncordon clears the field and the taint', () => {
    const k = new KubectlHarness()
    k.kubectl('cordon node-2')
    k.advance(1000)
    expect(k.kubectl('uncordon node-2').output).toBe('node/node-2 uncordoned\n')
    expect(k.kubectl('uncordon node-2').output).toBe('node/node-2 already uncordoned\n')
    k.advance(1000)
    expect(node(k, 'node-2').spec).toEqual({ podCIDR: '10.244.2.0/24' })
  })

  test('several nodes, a selector, and a client dry run', () => {
    const k = new KubectlHarness()
    expect(k.kubectl('cordon node-1 node-3').output).toBe('node/node-1 cordoned\nnode/node-3 cordoned\n')
    expect(k.kubectl('uncordon -l kubernetes.io/hostname=node-3').output).toBe('node/node-3 uncordoned\n')
    expect(k.kubectl('cordon node-2 --dry-run=client').output).toBe('node/node-2 cordoned (dry run)\n')
    expect(node(k, 'node-2').spec.unschedulable).toBeUndefined()
  })

  test('kubectl’s errors: no node, an unknown node, a name and a selector', () => {
    const k = new KubectlHarness()
    expect(k.kubectl('cordon')).toMatchObject({
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
      exitCode: 1,
    })
    expect(k.kubectl('uncordon node-9')).toMatchObject({
      stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
      exitCode: 1,
    })
    expect(k.kubectl('cordon node-1 -l a=b').stderr).toBe(
      "error: error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n",
    )
    expect(node(k, 'node-1').spec.unschedulable).toBeUndefined()
  })
})
