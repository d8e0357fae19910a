// What kubectl shows of a node that stopped: NotReady, its conditions and taints in describe,
// the Lease's last renewal, pods Terminating after the taint eviction, and no exec.
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../sim/model'
import { startNode, stopNode } from '../../sim/kubelet/nodePower'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function failed(): { k: KubectlHarness; node: string } {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  const node = k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-1').spec.nodeName!
  stopNode(k.sim, node)
  return { k, node }
}

describe('a stopped node in kubectl', () => {
  test('get nodes says NotReady once the controller notices', () => {
    const { k, node } = failed()
    expect(k.kubectl(`get node ${node}`).stdout).toMatch(new RegExp(`${node} +Ready `))
    k.advance(70_000)
    expect(k.kubectl(`get node ${node}`).stdout).toMatch(new RegExp(`${node} +NotReady `))
    k.kubectl(`cordon ${node}`)
    expect(k.kubectl(`get node ${node}`).stdout).toMatch(new RegExp(`${node} +NotReady,SchedulingDisabled `))
  })

  test('describe node shows the Unknown conditions, the unreachable taints and the last Lease renewal', () => {
    const { k, node } = failed()
    k.advance(70_000)
    const out = k.kubectl(`describe node ${node}`).stdout
    expect(out).toContain(
      `Taints:             node.kubernetes.io/unreachable:NoExecute\n                    node.kubernetes.io/unreachable:NoSchedule\n`,
    )
    expect(out).toMatch(
      /Ready +Unknown +Thu, 01 Jan 2026 09:00:00 \+0000 +Thu, 01 Jan 2026 09:01:\d\d \+0000 +NodeStatusUnknown +Kubelet stopped posting node status\./,
    )
    // The kubelet renews every 10 s; the last renewal was before it stopped.
    const renew = /RenewTime: +Thu, 01 Jan 2026 09:00:(\d\d) \+0000/.exec(out)
    expect(Number(renew?.[1])).toBeLessThanOrEqual(13)
    expect(out).toContain(`Normal  NodeNotReady  `)
  })

  test('after 300 s the pod is Terminating for good; force delete frees its name', () => {
    const { k } = failed()
    k.advance(400_000)
    expect(k.kubectl('get pod web-1').stdout).toMatch(/web-1 +1\/1 +Terminating +0 /)
    expect(k.kubectl('describe pod web-1').stdout).toMatch(/DisruptionTarget +True/)
    const r = k.kubectl('delete pod web-1 --grace-period=0 --force')
    expect(r.output).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "web-1" force deleted from default namespace\n',
    )
    k.advance(2000)
    expect(k.kubectl('get pod web-1').stdout).toMatch(/web-1 +0\/1 +Pending /)
  })

  test('exec cannot reach the stopped kubelet', () => {
    const { k, node } = failed()
    const ip = k.kubectl(`get node ${node} -o jsonpath={.status.addresses[0].address}`).stdout
    expect(k.kubectl('exec web-1 -- hostname')).toMatchObject({
      stderr: `Error from server: error dialing backend: dial tcp ${ip}:10250: i/o timeout\n`,
      exitCode: 1,
    })
  })

  test('started again, the node is Ready and describe shows the kubelet’s events', () => {
    const { k, node } = failed()
    k.advance(70_000)
    startNode(k.sim, node)
    k.advance(10_000)
    expect(k.kubectl(`get node ${node}`).stdout).toMatch(new RegExp(`${node} +Ready `))
    const out = k.kubectl(`describe node ${node}`).stdout
    expect(out).toContain('Taints:             <none>\n')
    expect(out).toMatch(/Normal +NodeReady +\d+s +kubelet +Node node-\d status is now: NodeReady/)
    expect(k.isReady('web-1')).toBe(true)
  })
})
