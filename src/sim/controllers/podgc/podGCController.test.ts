// The pod garbage collector frees the names of pods whose node is gone or declared out of service
// (statefulset-behaviour.md §11.3), so the StatefulSet can recreate them.
import { describe, expect, test } from 'vitest'
import type { Node, Pod } from '../../model'
import { TestCluster, WEB_YAML } from '../../testing/testCluster'
import { stopNode } from '../../kubelet/nodePower'

/** The tutorial set without volume claim templates, so its pods can run on any node. */
const STATELESS_WEB = WEB_YAML.slice(0, WEB_YAML.indexOf('        volumeMounts:'))

function running(): { cluster: TestCluster; node: string; uid: string } {
  const cluster = new TestCluster()
  cluster.apply(STATELESS_WEB)
  cluster.runUntil(() => cluster.readyPods().length === 2)
  const pod = cluster.pod('web-1')!
  return { cluster, node: pod.spec.nodeName!, uid: pod.metadata.uid }
}

describe('PodGC', () => {
  test('pods bound to a deleted Node are force-deleted after the 40 s quarantine, and recreated elsewhere', () => {
    const { cluster, node, uid } = running()
    stopNode(cluster.sim, node)
    cluster.api.delete('Node', undefined, node)
    let failed: Pod | undefined
    cluster.sim.ctx.store.watch((e) => {
      if (e.type === 'MODIFIED' && e.object.metadata.uid === uid) failed = e.object as Pod
    })
    cluster.run(39_000)
    expect(cluster.pod('web-1')!.metadata.uid).toBe(uid)
    cluster.runUntil(
      () => cluster.readyPods().includes('web-1') && cluster.pod('web-1')!.metadata.uid !== uid,
      120_000,
    )

    expect(failed?.status.phase).toBe('Failed')
    expect(failed?.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
    })
    expect(cluster.pod('web-1')!.spec.nodeName).not.toBe(node)
    expect(cluster.violations).toEqual([])
  })

  test('the out-of-service taint on a NotReady node has its pods deleted and force-deleted', () => {
    const { cluster, node, uid } = running()
    stopNode(cluster.sim, node)
    cluster.run(70_000)
    const n = cluster.api.get<Node>('Node', undefined, node)
    const taint = {
      key: 'node.kubernetes.io/out-of-service',
      value: 'nodeshutdown',
      effect: 'NoExecute' as const,
    }
    cluster.api.update<Node>({ ...n, spec: { ...n.spec, taints: [...(n.spec.taints ?? []), taint] } })
    cluster.runUntil(
      () => cluster.readyPods().includes('web-1') && cluster.pod('web-1')!.metadata.uid !== uid,
      120_000,
    )

    expect(cluster.pod('web-1')!.spec.nodeName).not.toBe(node)
    expect(cluster.violations).toEqual([])
  })
})
