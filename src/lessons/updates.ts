// Lesson 4 — updates: a new template is a new revision. RollingUpdate replaces the pods one at a
// time from the highest ordinal down; a partition holds the lower ordinals back (a canary), and
// OnDelete replaces a pod only when the learner deletes it.
import type { Lesson } from './lesson'
import type { ClusterSnapshot } from '../state/clusterSession'
import {
  createdAt,
  isReady,
  podNamed,
  podsOfSet,
  printedAfter,
  readyReplicas,
  recreated,
  revisionOf,
  statefulSetNamed,
} from './facts'

const PODS =
  'kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,REVISION:.metadata.labels.controller-revision-hash,IMAGE:.spec.containers[0].image'
const STATUS = `kubectl get statefulset web -o jsonpath='{.status.currentRevision} {.status.updateRevision}{"\\n"}'`
const SET_IMAGE = (tag: string) => `kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:${tag}`
const PARTITION = (n: number) =>
  `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":${n}}}}}'`
const ROLLOUT = 'kubectl rollout status statefulset/web'
const NAMES = ['web-0', 'web-1', 'web-2']

function revisions(snapshot: ClusterSnapshot): { current?: string; update?: string } {
  const status = statefulSetNamed(snapshot, 'web')?.status
  return { current: status?.currentRevision, update: status?.updateRevision }
}

/** The pods `names` are Ready and made from `revision`. */
function runAt(snapshot: ClusterSnapshot, names: readonly string[], revision: string | undefined): boolean {
  return (
    !!revision &&
    names.every((name) => {
      const pod = podNamed(snapshot, name)
      return isReady(pod) && revisionOf(pod) === revision
    })
  )
}

function image(snapshot: ClusterSnapshot): string | undefined {
  return statefulSetNamed(snapshot, 'web')?.spec.template.spec.containers[0]?.image
}

function strategy(snapshot: ClusterSnapshot) {
  return statefulSetNamed(snapshot, 'web')?.spec.updateStrategy
}

export const updatesLesson: Lesson = {
  id: 'updates',
  title: { en: 'Updates: rolling, canary, OnDelete', 'zh-CN': '更新：滚动、金丝雀与 OnDelete' },
  goal: {
    en: 'Change a StatefulSet’s template and see how its pods are replaced: from the highest ordinal down, held back by a partition, or only when you delete them.',
    'zh-CN':
      '修改 StatefulSet 的模板，看它的 Pod 如何被替换：从最大的序号往下，被 partition 挡住一部分，或者只在你删除它们时才替换。',
  },
  example: 'topology',
  steps: [
    {
      id: 'apply',
      title: { en: 'Three pods, one revision', 'zh-CN': '三个 Pod，一个版本' },
      text: {
        en: 'Apply `web` with 3 replicas. The controller saves its pod template as a ControllerRevision, and labels every pod it creates with `controller-revision-hash`: the name of the revision it was made from.',
        'zh-CN':
          '应用 3 个副本的 `web`。控制器把它的 Pod 模板保存为一个 ControllerRevision，并给创建的每个 Pod 打上 `controller-revision-hash` 标签：也就是这个 Pod 所依据的版本的名字。',
      },
      action: { kind: 'apply', example: 'topology' },
      done: (ctx) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          readyReplicas(ctx.snapshot, 'web') >= 3 && current === update && runAt(ctx.snapshot, NAMES, current)
        )
      },
    },
    {
      id: 'revisions',
      title: { en: 'Where revisions show', 'zh-CN': '在哪里看版本' },
      text: {
        en: 'List the pods with their revision and image, the ControllerRevisions, and the StatefulSet’s `status.currentRevision` (what the pods run) and `status.updateRevision` (what the template says now). They are equal: there is nothing to update.',
        'zh-CN':
          '列出 Pod 及其版本和镜像、所有 ControllerRevision，以及 StatefulSet 的 `status.currentRevision`（Pod 正在运行的版本）和 `status.updateRevision`（模板现在的版本）。两者相同：没有需要更新的东西。',
      },
      action: { kind: 'commands', commands: [PODS, 'kubectl get controllerrevisions', STATUS] },
      done: (ctx, start) =>
        printedAfter(
          ctx,
          start,
          /controller-revision-hash/,
          /^web-0\s+web-[a-z0-9]+\s+registry\.k8s\.io\//m,
        ) &&
        printedAfter(
          ctx,
          start,
          /get\s+(controllerrevisions?)\b/,
          /^web-[a-z0-9]+\s+statefulset\.apps\/web\s/m,
        ) &&
        printedAfter(ctx, start, /currentRevision/, /^(web-[a-z0-9]+) \1\s*$/m),
    },
    {
      id: 'rolling',
      title: { en: 'A rolling update', 'zh-CN': '滚动更新' },
      text: {
        en: 'Change the image. The new template is a new revision: `updateRevision` moves on while the pods still run `currentRevision`. With the default `updateStrategy: RollingUpdate`, the controller then replaces the pods one at a time, each after the previous one is Running and Ready.',
        'zh-CN':
          '修改镜像。新模板就是一个新版本：`updateRevision` 向前推进，而 Pod 仍运行在 `currentRevision` 上。在默认的 `updateStrategy: RollingUpdate` 下，控制器接着逐个替换 Pod，每替换一个都要等前一个进入 Running 且 Ready。',
      },
      action: { kind: 'commands', commands: [SET_IMAGE('0.8'), ROLLOUT, PODS] },
      watch: {
        en: 'Watch which slot gets a new tenant first.',
        'zh-CN': '留意哪个槽位最先换上新住客。',
      },
      done: (ctx, start) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          update !== revisions(start.snapshot).update &&
          current === update &&
          runAt(ctx.snapshot, NAMES, update)
        )
      },
      prediction: {
        question: {
          en: 'The template has a new image. Which pod will the controller replace first?',
          'zh-CN': '模板换了新镜像。控制器会最先替换哪个 Pod？',
        },
        options: [
          { id: 'web-0', label: { en: 'web-0, the first one', 'zh-CN': 'web-0，第一个' } },
          { id: 'web-2', label: { en: 'web-2, the highest ordinal', 'zh-CN': 'web-2，序号最大的那个' } },
          { id: 'all', label: { en: 'All three at once', 'zh-CN': '三个同时替换' } },
        ],
        ask: (ctx, start) => {
          const before = new Map(
            podsOfSet(start.snapshot, 'web').map((p) => [p.metadata.name, p.metadata.uid]),
          )
          return (
            !!image(start.snapshot) &&
            image(ctx.snapshot) !== image(start.snapshot) &&
            NAMES.every((name) => {
              const pod = podNamed(ctx.snapshot, name)
              return !!pod && pod.metadata.uid === before.get(name) && !pod.metadata.deletionTimestamp
            })
          )
        },
        outcome: (ctx, asked) => {
          // The first pod replaced: among those with a new uid, the earliest created.
          const replaced = NAMES.map((name) => ({
            now: podNamed(ctx.snapshot, name),
            before: podNamed(asked.snapshot, name),
          }))
            .filter(({ now, before }) => now && before && now.metadata.uid !== before.metadata.uid)
            .map(({ now }) => now!)
          if (replaced.length === 0) return undefined
          const first = Math.min(...replaced.map(createdAt))
          const earliest = replaced.filter((p) => createdAt(p) === first)
          return earliest.length > 1 ? 'all' : earliest[0]!.metadata.name
        },
        explain: {
          en: 'RollingUpdate goes in reverse ordinal order: web-2, then web-1, then web-0 — the opposite of creation, like scaling down. Each new pod must be Running and Ready before the next old one is deleted.',
          'zh-CN':
            'RollingUpdate 按序号倒序进行：先 web-2，再 web-1，最后 web-0——和创建的顺序相反，就像缩容一样。每个新 Pod 都要进入 Running 且 Ready，下一个旧 Pod 才会被删除。',
        },
      },
    },
    {
      id: 'canary',
      title: { en: 'A canary with partition', 'zh-CN': '用 partition 做金丝雀发布' },
      text: {
        en: 'Set `partition: 2`, then change the image again. Only pods with an ordinal of 2 or more are updated: web-2 runs the new image, web-0 and web-1 stay on `currentRevision` (even if deleted, they come back at it). web-2 is your canary.',
        'zh-CN':
          '设置 `partition: 2`，然后再改一次镜像。只有序号大于等于 2 的 Pod 会被更新：web-2 运行新镜像，web-0 和 web-1 停留在 `currentRevision` 上（即使被删除，回来时也还是这个版本）。web-2 就是你的金丝雀。',
      },
      action: { kind: 'commands', commands: [PARTITION(2), SET_IMAGE('0.9'), ROLLOUT, PODS] },
      done: (ctx, start) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          strategy(ctx.snapshot)?.rollingUpdate?.partition === 2 &&
          update !== current &&
          update !== revisions(start.snapshot).update &&
          runAt(ctx.snapshot, ['web-2'], update) &&
          runAt(ctx.snapshot, ['web-0', 'web-1'], current)
        )
      },
    },
    {
      id: 'promote',
      title: { en: 'Lower the partition', 'zh-CN': '降低 partition' },
      text: {
        en: 'The canary looks healthy: set the partition back to 0. The rest of the pods are updated, web-1 then web-0, and `currentRevision` becomes the new revision.',
        'zh-CN':
          '金丝雀看起来没问题：把 partition 改回 0。其余的 Pod 依次被更新，先 web-1 再 web-0，`currentRevision` 也变成新版本。',
      },
      action: { kind: 'commands', commands: [PARTITION(0), ROLLOUT, PODS] },
      done: (ctx, start) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          (strategy(ctx.snapshot)?.rollingUpdate?.partition ?? 0) === 0 &&
          update === revisions(start.snapshot).update &&
          current === update &&
          runAt(ctx.snapshot, NAMES, update)
        )
      },
    },
    {
      id: 'on-delete',
      title: { en: 'OnDelete: nothing happens', 'zh-CN': 'OnDelete：什么也不发生' },
      text: {
        en: 'Switch to `updateStrategy: OnDelete` (`rollingUpdate: null` removes the partition, which only RollingUpdate allows), then change the image. `updateRevision` moves on, but no pod is replaced: with OnDelete, the controller updates a pod only when you delete it.',
        'zh-CN':
          '切换到 `updateStrategy: OnDelete`（`rollingUpdate: null` 去掉了 partition，因为只有 RollingUpdate 才允许它），然后修改镜像。`updateRevision` 向前推进了，但没有任何 Pod 被替换：在 OnDelete 下，只有你删除某个 Pod，控制器才会更新它。',
      },
      action: {
        kind: 'commands',
        commands: [
          `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
          SET_IMAGE('0.10'),
          STATUS,
          PODS,
        ],
      },
      done: (ctx, start) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          strategy(ctx.snapshot)?.type === 'OnDelete' &&
          !!update &&
          update !== current &&
          update !== revisions(start.snapshot).update &&
          runAt(ctx.snapshot, NAMES, current)
        )
      },
    },
    {
      id: 'delete-one',
      title: { en: 'Update a pod by deleting it', 'zh-CN': '删除 Pod 来更新它' },
      text: {
        en: 'Delete web-0. It comes back from `updateRevision`; web-1 and web-2 keep the old revision until you delete them too. You choose the order — useful when the application must decide it, for example updating the replicas before the primary.',
        'zh-CN':
          '删除 web-0。它回来时用的是 `updateRevision`；web-1 和 web-2 保持旧版本，直到你也删除它们。顺序由你决定——当应用自己需要决定顺序时很有用，比如先更新从节点，再更新主节点。',
      },
      action: { kind: 'commands', commands: ['kubectl delete pod web-0', PODS] },
      done: (ctx, start) => {
        const { current, update } = revisions(ctx.snapshot)
        return (
          strategy(ctx.snapshot)?.type === 'OnDelete' &&
          update !== current &&
          recreated(ctx, start, 'web-0') &&
          runAt(ctx.snapshot, ['web-0'], update) &&
          runAt(ctx.snapshot, ['web-1', 'web-2'], current)
        )
      },
    },
  ],
  summary: {
    en: 'Every template change is a new ControllerRevision; pods carry the revision they were made from in `controller-revision-hash`, and the StatefulSet’s status compares `currentRevision` with `updateRevision`. RollingUpdate replaces pods one at a time from the highest ordinal down; `partition: N` updates only ordinals N and above, so lowering it step by step is a canary; OnDelete leaves the timing to you.',
    'zh-CN':
      '每次修改模板都会产生一个新的 ControllerRevision；Pod 在 `controller-revision-hash` 中记着自己来自哪个版本，StatefulSet 的 status 则对比 `currentRevision` 和 `updateRevision`。RollingUpdate 从最大的序号开始逐个替换 Pod；`partition: N` 只更新序号 N 及以上的 Pod，逐步降低它就是金丝雀发布；OnDelete 则把时机交给你。',
  },
  docs: [
    {
      label: { en: 'Update strategies', 'zh-CN': '更新策略' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies',
    },
    {
      label: {
        en: 'Updating StatefulSets (StatefulSet Basics)',
        'zh-CN': '更新 StatefulSet（StatefulSet 基础）',
      },
      url: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/#updating-statefulsets',
    },
    {
      label: { en: 'Partitioned rolling updates', 'zh-CN': '分区滚动更新' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions',
    },
  ],
}
