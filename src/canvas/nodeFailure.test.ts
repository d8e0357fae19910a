// A failed node on the canvas: the node goes from "kubelet stopped, not noticed yet" to NotReady,
// its StatefulSet pod is stuck Terminating and not replaced (at most one pod per identity) until
// it is force-deleted, and the node's return brings everything back.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { viewModel } from './viewModel'

const WEB_YAML = readFileSync(new URL('../examples/web.yaml', import.meta.url), 'utf8')

describe('a node failure on the canvas', () => {
  it('is drawn step by step, and the stuck pod is explained', () => {
    const s = new ClusterSession(1)
    s.apply(WEB_YAML)
    s.advanceTo(60_000)
    const node = s.snapshot().pods.find((p) => p.metadata.name === 'web-1')!.spec.nodeName!
    s.command(`docker pause ${node}`)
    let model = viewModel(s.snapshot())
    expect(model.nodes.find((n) => n.name === node)).toMatchObject({ status: 'Ready', stopped: true })

    s.advanceTo(s.snapshot().now + 60_000)
    model = viewModel(s.snapshot())
    expect(model.nodes.find((n) => n.name === node)).toMatchObject({ status: 'NotReady', stopped: true })
    // Ready=False while kubectl still counts 1/1 ready containers: out of the endpoints, no DNS record.
    expect(model.sets[0]!.slots[1]!.pod).toMatchObject({ summary: 'Running 1/1', tone: 'warn' })
    expect(model.sets[0]!.slots[1]!.record).toBeUndefined()

    s.advanceTo(s.snapshot().now + 6 * 60_000)
    model = viewModel(s.snapshot())
    expect(model.sets[0]!.slots[1]!.pod?.status).toBe('Terminating')
    expect(model.sets[0]!.activity).toBe(
      `web-1 is stuck Terminating on ${node} (unreachable): not replaced until it is force-deleted or the node returns`,
    )

    s.command('kubectl delete pod web-1 --grace-period=0 --force')
    s.advanceTo(s.snapshot().now + 30_000)
    model = viewModel(s.snapshot())
    // The replacement keeps its name and claim; its local volume pins it to the lost node.
    expect(model.sets[0]!.slots[1]!.pod?.status).toBe('Pending')

    s.command(`docker unpause ${node}`)
    s.advanceTo(s.snapshot().now + 120_000)
    model = viewModel(s.snapshot())
    expect(model.nodes.find((n) => n.name === node)).toMatchObject({ status: 'Ready', stopped: false })
    expect(model.sets[0]!.slots.map((slot) => slot.pod?.summary)).toEqual(['Running 1/1', 'Running 1/1'])
  })

  it('docker pause and unpause are actions: a replay gives the same cluster', () => {
    const s = new ClusterSession(1)
    s.apply(WEB_YAML)
    s.advanceTo(60_000)
    s.command('docker pause node-2')
    s.advanceTo(200_000)
    const replayed = ClusterSession.replay(1, s.actions, 200_000, 200_000)
    const view = (x: ClusterSession) => JSON.stringify(viewModel(x.snapshot()).nodes)
    expect(view(replayed)).toBe(view(s))
    expect(replayed.snapshot().stoppedNodes).toEqual(['node-2'])
  })
})
