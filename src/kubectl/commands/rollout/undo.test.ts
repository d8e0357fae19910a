// kubectl rollout undo for a StatefulSet (7.4, 7.7): restores a revision's template, after which
// the controller replaces the pods again, highest ordinal first, and reuses the old revision.
import { describe, expect, test } from 'vitest'
import type { KubectlHarness } from '../../testing/kubectlHarness'
import { IMAGE_07, IMAGE_08, IMAGE_24, images, revisions, rollTo, runningWeb, web } from './testing'

/** The pods in the order they began terminating, while `run` and a rollout status run. */
function terminationOrder(k: KubectlHarness, run: () => void): string[] {
  const order: string[] = []
  const unwatch = k.sim.ctx.store.watch((e) => {
    const wasDeleting = !!e.oldObject?.metadata.deletionTimestamp
    if (
      e.type === 'MODIFIED' &&
      e.object.kind === 'Pod' &&
      e.object.metadata.deletionTimestamp &&
      !wasDeleting
    )
      order.push(e.object.metadata.name)
  })
  run()
  k.kubectl('rollout status sts/web')
  unwatch()
  return order
}

describe('kubectl rollout undo statefulset/web', () => {
  test('goes back to the previous revision; the pods are replaced from web-2 down to web-0', () => {
    const k = runningWeb(3)
    rollTo(k, IMAGE_24)
    expect(images(k)).toEqual([IMAGE_24, IMAGE_24, IMAGE_24])
    let out = ''
    const order = terminationOrder(k, () => (out = k.kubectl('rollout undo statefulset/web').output))
    expect(out).toBe('statefulset.apps/web rolled back\n')
    expect(order).toEqual(['web-2', 'web-1', 'web-0'])
    expect(images(k)).toEqual([IMAGE_07, IMAGE_07, IMAGE_07])
  })

  test("the rollback reuses revision 1's ControllerRevision and renumbers it 3 (7.4)", () => {
    const k = runningWeb()
    rollTo(k, IMAGE_24)
    k.kubectl('rollout undo sts/web')
    k.kubectl('rollout status sts/web')
    expect(revisions(k)).toEqual({ [IMAGE_07]: 3, [IMAGE_24]: 2 })
    expect(web(k).status?.updateRevision).toBe(web(k).status?.currentRevision)
    expect(k.kubectl('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    )
    // Undoing again swaps back: the previous revision is now 2.
    k.kubectl('rollout undo sts/web')
    k.kubectl('rollout status sts/web')
    expect(images(k)).toEqual([IMAGE_24, IMAGE_24])
    expect(revisions(k)).toEqual({ [IMAGE_07]: 3, [IMAGE_24]: 4 })
  })

  test('--to-revision picks a revision; one that matches the template is skipped', () => {
    const k = runningWeb()
    rollTo(k, IMAGE_08)
    rollTo(k, IMAGE_24)
    expect(k.kubectl('rollout undo sts/web --to-revision=1').stdout).toBe(
      'statefulset.apps/web rolled back\n',
    )
    k.kubectl('rollout status sts/web')
    expect(images(k)).toEqual([IMAGE_07, IMAGE_07])
    expect(k.kubectl('rollout undo sts/web --to-revision=4')).toMatchObject({
      stdout: 'statefulset.apps/web skipped rollback (current template already matches revision 4)\n',
      exitCode: 0,
    })
  })

  test('errors: one revision only, a revision not in the history, no resource, a pod', () => {
    const k = runningWeb()
    const err = (line: string) => {
      const r = k.kubectl(line)
      return [r.output, r.exitCode]
    }
    expect(err('rollout undo sts/web')).toEqual(['error: no last revision to roll back to\n', 1])
    rollTo(k, IMAGE_24)
    expect(err('rollout undo sts/web --to-revision=5')).toEqual([
      'error: unable to find specified revision 5 in history\n',
      1,
    ])
    expect(err('rollout undo')).toEqual(['error: required resource not specified\n', 1])
    expect(err('rollout undo pod/web-0')).toEqual([
      'error: no rollbacker has been implemented for "Pod"\n',
      1,
    ])
    expect(err('rollout undo sts/web --dry-run=maybe')).toEqual([
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
      1,
    ])
  })

  test('--dry-run=client prints the template it would restore; --dry-run=server changes nothing', () => {
    const k = runningWeb()
    rollTo(k, IMAGE_24)
    const client = k.kubectl('rollout undo sts/web --dry-run=client').stdout
    expect(
      client.startsWith('statefulset.apps/web will roll back to Pod Template:\n  Labels:\tapp=nginx\n'),
    ).toBe(true)
    expect(client).toContain(`    Image:\t${IMAGE_07}\n`)
    expect(client.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true)
    expect(k.kubectl('rollout undo sts/web --dry-run=server').stdout).toBe(
      'statefulset.apps/web rolled back (server dry run)\n',
    )
    expect(web(k).spec.template.spec.containers[0]!.image).toBe(IMAGE_24)
    expect(web(k).metadata.generation).toBe(2)
  })
})
