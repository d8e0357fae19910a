// Lesson 5 — when things go wrong: four StatefulSets that fail in the ways newcomers meet — claims
// without a StorageClass, a serviceName with no Service, a pod that is never Ready, a node that
// stops — with the signs to read and the fix for each.
import type { Lesson, LessonContext, StepStart } from './lesson'
import type { Pod } from '../sim/model'
import type { ClusterSnapshot } from '../state/clusterSession'
import { simTimeOf } from '../sim/runtime/time'
import {
  claimNamed,
  cleanedUp,
  hasEvent,
  isReady,
  podNamed,
  podsOfSet,
  printedAfter,
  readyReplicas,
  recreated,
  setExists,
  statefulSetNamed,
  typed,
} from './facts'

const CLEAN_UP = ['kubectl delete statefulset web', 'kubectl delete pvc -l app=nginx']
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'

/** Some StorageClass is marked as the cluster's default. */
function hasDefaultClass(snapshot: ClusterSnapshot): boolean {
  return snapshot.storageClasses.some((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true')
}
const FIXED_PROBE = `kubectl patch statefulset web --type=json -p='[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe","value":{"tcpSocket":{"port":80},"periodSeconds":5}}]'`

/** Nothing is left of the previous case: no StatefulSet, pods or claims (the next one starts clean). */
function clean(snapshot: ClusterSnapshot): boolean {
  return cleanedUp(snapshot, 'web', 'www') && !snapshot.pods.some((p) => p.metadata.namespace === 'default')
}

/** The set's pods on a node whose kubelet is stopped. */
function onStoppedNode(snapshot: ClusterSnapshot): Pod[] {
  return podsOfSet(snapshot, 'web').filter(
    (p) => !!p.spec.nodeName && snapshot.stoppedNodes.includes(p.spec.nodeName),
  )
}

/** Marked for deletion, its grace period over, and still there: nobody can confirm it stopped. */
function stuck(snapshot: ClusterSnapshot, pod: Pod | undefined): boolean {
  const deletion = pod?.metadata.deletionTimestamp
  return !!deletion && simTimeOf(deletion) <= snapshot.now
}

/** The pods the console reported force-deleted since the step began. */
function forceDeleted(ctx: LessonContext, start: StepStart): string[] {
  const names: string[] = []
  for (const line of ctx.console) {
    if (line.id <= start.consoleId || line.stream !== 'out') continue
    for (const m of line.text.matchAll(/^pod "([^"]+)" force deleted/gm)) names.push(m[1]!)
  }
  return names
}

export const failuresLesson: Lesson = {
  id: 'failures',
  title: { en: 'When things go wrong', 'zh-CN': '出问题的时候' },
  goal: {
    en: 'Break a StatefulSet four ways — no storage, no DNS, a pod that is never Ready, a failed node — and learn the signs and the fix for each.',
    'zh-CN':
      '用四种方式弄坏一个 StatefulSet——没有存储、没有 DNS、Pod 一直不 Ready、节点故障——学会看出症状，并修好每一种。',
  },
  example: 'web',
  steps: [
    {
      id: 'no-default',
      title: { en: 'A cluster without a default StorageClass', 'zh-CN': '没有默认 StorageClass 的集群' },
      text: {
        en: 'Claims that name no `storageClassName` get the cluster’s default class — on kind, `standard`. Many clusters have none. Take the default away by removing its annotation `storageclass.kubernetes.io/is-default-class`, and list the classes: `standard` is no longer marked `(default)`.',
        'zh-CN':
          '没有写 `storageClassName` 的 PVC 会使用集群的默认存储类——在 kind 上是 `standard`。很多集群并没有默认存储类。去掉它的注解 `storageclass.kubernetes.io/is-default-class`，让集群失去默认存储类，再列出存储类：`standard` 不再标着 `(default)`。',
      },
      action: {
        kind: 'commands',
        commands: [`kubectl annotate storageclass standard ${DEFAULT_CLASS}-`, 'kubectl get storageclass'],
      },
      done: (ctx, start) =>
        !hasDefaultClass(ctx.snapshot) && typed(ctx, start, /kubectl\s+get\s+(storageclass|sc)\b/),
    },
    {
      id: 'pending',
      title: { en: 'Claims stuck in Pending', 'zh-CN': 'PVC 卡在 Pending' },
      text: {
        en: 'Apply the usual `web`. Its claim template names no class and there is no default, so nothing provisions a volume: `www-web-0` stays Pending, web-0 cannot be scheduled and stays Pending too — and web-1 is never created.',
        'zh-CN':
          '应用常用的 `web`。它的 PVC 模板没有写存储类，而集群又没有默认存储类，于是没人来供应存储卷：`www-web-0` 一直是 Pending，web-0 无法调度，也停在 Pending——web-1 则根本不会被创建。',
      },
      action: { kind: 'apply', example: 'web' },
      done: (ctx) => {
        const web0 = podNamed(ctx.snapshot, 'web-0')
        return (
          setExists(ctx.snapshot, 'web') &&
          claimNamed(ctx.snapshot, 'www-web-0')?.status?.phase === 'Pending' &&
          !!web0 &&
          !web0.spec.nodeName &&
          !podNamed(ctx.snapshot, 'web-1') &&
          hasEvent(ctx.snapshot, 'www-web-0', 'FailedBinding')
        )
      },
    },
    {
      id: 'storage-fix',
      title: { en: 'Read the reason, fix it, start over', 'zh-CN': '读出原因，修好，然后重来' },
      text: {
        en: 'The claim’s events say why: `no persistent volumes available for this claim and no storage class is set`. Mark `standard` as the default again: since Kubernetes 1.28 the volume controller then gives the waiting claims the new default, and they bind. (Naming a class in `storageClassName` works too.) Then delete the set and its claims for the next case.',
        'zh-CN':
          'PVC 的事件说明了原因：`no persistent volumes available for this claim and no storage class is set`。把 `standard` 重新标为默认：从 Kubernetes 1.28 起，卷控制器会把新的默认存储类补给正在等待的 PVC，它们随即绑定。（在 `storageClassName` 里写明存储类也可以。）然后删除这个 StatefulSet 和它的 PVC，准备下一个案例。',
      },
      action: {
        kind: 'commands',
        commands: [
          'kubectl describe pvc www-web-0',
          `kubectl annotate storageclass standard ${DEFAULT_CLASS}=true`,
          'kubectl rollout status statefulset/web',
          ...CLEAN_UP,
        ],
      },
      done: (ctx, start) =>
        printedAfter(
          ctx,
          start,
          /describe\s+(pvc|persistentvolumeclaims?)\s+www-web-0/,
          /no storage class is set/,
        ) &&
        printedAfter(
          ctx,
          start,
          /rollout\s+status/,
          /partitioned roll out complete|rolling update complete/,
        ) &&
        hasDefaultClass(ctx.snapshot) &&
        clean(ctx.snapshot),
    },
    {
      id: 'no-dns',
      title: { en: 'Pods run, names do not resolve', 'zh-CN': 'Pod 在运行，名字却解析不了' },
      text: {
        en: 'This `web` says `serviceName: nginx-typo`, but the Service is called `nginx`. Apply it: the pods start in order and become Ready as usual. Nothing looks wrong — yet.',
        'zh-CN':
          '这个 `web` 写的是 `serviceName: nginx-typo`，但 Service 叫 `nginx`。应用它：Pod 照常按顺序启动并进入 Ready。看起来一切正常——暂时如此。',
      },
      action: { kind: 'apply', example: 'wrong-service-name' },
      done: (ctx) =>
        statefulSetNamed(ctx.snapshot, 'web')?.spec.serviceName === 'nginx-typo' &&
        readyReplicas(ctx.snapshot, 'web') >= 2,
    },
    {
      id: 'dns-fix',
      title: { en: 'Look a pod up', 'zh-CN': '查一个 Pod 的名字' },
      text: {
        en: "A pod’s DNS name is `<pod>.<serviceName>`, and only a headless Service of that name creates the records. There is no `nginx-typo`, so `nslookup` answers `can't resolve`. `serviceName` cannot be changed either: fix it in the manifest, delete the StatefulSet and apply again (or create a headless Service `nginx-typo` that selects the pods). Delete this one.",
        'zh-CN':
          "Pod 的 DNS 名字是 `<Pod 名>.<serviceName>`，只有同名的 headless Service 才会创建这些记录。这里没有 `nginx-typo`，所以 `nslookup` 回答 `can't resolve`。`serviceName` 同样不能修改：在清单里改正它，删除 StatefulSet 后重新应用（或者创建一个选中这些 Pod 的 headless Service `nginx-typo`）。删除这一个。",
      },
      action: {
        kind: 'commands',
        commands: [
          'kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-0.nginx-typo',
          ...CLEAN_UP,
        ],
      },
      done: (ctx, start) =>
        printedAfter(ctx, start, /nslookup\s+web-0\.nginx-typo/, /can't resolve/) && clean(ctx.snapshot),
    },
    {
      id: 'never-ready',
      title: { en: 'A pod that is never Ready', 'zh-CN': '一直不 Ready 的 Pod' },
      text: {
        en: 'This `web` has a readiness probe on port 8080, where nginx does not listen. Apply it: web-0 runs but stays `0/1`, and web-1 never appears — with `OrderedReady`, the controller waits for web-0 to be Running and Ready.',
        'zh-CN':
          '这个 `web` 的就绪探针检查 8080 端口，而 nginx 并不监听这个端口。应用它：web-0 在运行，但一直是 `0/1`，web-1 也始终不出现——在 `OrderedReady` 下，控制器要等 web-0 进入 Running 且 Ready。',
      },
      action: { kind: 'apply', example: 'never-ready' },
      watch: {
        en: 'Give it half a minute: web-0 stays unready, and its slot has no DNS record.',
        'zh-CN': '等半分钟：web-0 一直没有就绪，它的槽位也没有 DNS 记录。',
      },
      done: (ctx) => {
        const web0 = podNamed(ctx.snapshot, 'web-0')
        return (
          !!web0 &&
          web0.status.phase === 'Running' &&
          !isReady(web0) &&
          ctx.snapshot.now - simTimeOf(web0.metadata.creationTimestamp ?? '') >= 30_000 &&
          hasEvent(ctx.snapshot, 'web-0', 'Unhealthy') &&
          !podNamed(ctx.snapshot, 'web-1')
        )
      },
    },
    {
      id: 'ready-fix',
      title: { en: 'Fix the template, then delete the pod', 'zh-CN': '修好模板，再删除 Pod' },
      text: {
        en: 'The pod’s events say `Readiness probe failed: … connection refused`. Fix the probe (here: a TCP check on port 80). The StatefulSet gets a new revision, but it will not replace web-0 by itself: it still waits for web-0 to be Ready, which it never will. Delete web-0: it comes back from the fixed template, becomes Ready, and web-1 follows.',
        'zh-CN':
          'Pod 的事件写着 `Readiness probe failed: … connection refused`。修好探针（这里改成检查 80 端口的 TCP 连接）。StatefulSet 有了新版本，但它不会自己替换 web-0：它仍在等 web-0 就绪，而 web-0 永远不会就绪。删除 web-0：它按修好的模板重建并进入 Ready，web-1 随后被创建。',
      },
      action: {
        kind: 'commands',
        commands: ['kubectl describe pod web-0', FIXED_PROBE, 'kubectl delete pod web-0'],
      },
      done: (ctx, start) =>
        printedAfter(ctx, start, /describe\s+(pods?|po)\s+web-0/, /Readiness probe failed/) &&
        recreated(ctx, start, 'web-0') &&
        isReady(podNamed(ctx.snapshot, 'web-1')),
    },
    {
      id: 'node-fail',
      title: { en: 'A node stops', 'zh-CN': '节点停止' },
      text: {
        en: 'Scale to three pods (one per node), then pause node-1 as you would pause a kind node’s container: its kubelet goes silent. Within a minute the node is `NotReady` and tainted `unreachable`; the pods tolerate that for 300 s, then the pod on node-1 is evicted.',
        'zh-CN':
          '扩容到三个 Pod（每个节点一个），然后像暂停 kind 节点的容器那样暂停 node-1：它的 kubelet 不再响应。不到一分钟，节点变成 `NotReady` 并被打上 `unreachable` 污点；Pod 能容忍它 300 秒，之后 node-1 上的 Pod 会被驱逐。',
      },
      action: {
        kind: 'commands',
        commands: [
          'kubectl scale statefulset web --replicas=3',
          'kubectl rollout status statefulset/web',
          'kubectl get pods -o wide',
          'docker pause node-1',
        ],
      },
      watch: {
        en: 'Speed up the clock: this takes about six simulated minutes. `kubectl get pods -o wide` shows which pod ran on node-1.',
        'zh-CN':
          '把时钟调快：这需要大约六分钟的模拟时间。`kubectl get pods -o wide` 能看出哪个 Pod 跑在 node-1 上。',
      },
      done: (ctx) => onStoppedNode(ctx.snapshot).some((p) => stuck(ctx.snapshot, p)),
      prediction: {
        question: {
          en: 'node-1 has stopped. A few minutes from now, what will have happened to the web pod on it?',
          'zh-CN': 'node-1 停止了。几分钟之后，它上面那个 web 的 Pod 会怎样？',
        },
        options: [
          {
            id: 'moved',
            label: { en: 'Replaced by a new pod on another node', 'zh-CN': '被另一个节点上的新 Pod 替代' },
          },
          {
            id: 'stuck',
            label: { en: 'Terminating, with no replacement', 'zh-CN': '处于 Terminating，没有替代的 Pod' },
          },
          {
            id: 'running',
            label: { en: 'Still Running: nothing changes', 'zh-CN': '仍然 Running：什么都没变' },
          },
        ],
        ask: (ctx) => onStoppedNode(ctx.snapshot).some((p) => !p.metadata.deletionTimestamp),
        outcome: (ctx, asked) => {
          for (const before of onStoppedNode(asked.snapshot)) {
            const now = podNamed(ctx.snapshot, before.metadata.name)
            if (now && now.metadata.uid !== before.metadata.uid) return 'moved'
            if (stuck(ctx.snapshot, now)) return 'stuck'
          }
          return ctx.snapshot.now - asked.snapshot.now > 10 * 60_000 ? 'running' : undefined
        },
        explain: {
          en: 'The control plane cannot reach the kubelet, so it cannot tell whether the pod still runs. It marks the pod for deletion, but only the kubelet can confirm it is gone, so the pod stays Terminating. A StatefulSet never starts a second pod with the same identity, so it waits.',
          'zh-CN':
            '控制平面联系不上 kubelet，无法知道这个 Pod 是否还在运行。它把 Pod 标记为删除，但只有 kubelet 才能确认 Pod 已经停止，所以 Pod 一直处于 Terminating。StatefulSet 绝不会启动第二个具有相同身份的 Pod，所以它只能等待。',
        },
      },
    },
    {
      id: 'force',
      title: { en: 'Force-delete, then bring the node back', 'zh-CN': '强制删除，再恢复节点' },
      text: {
        en: 'When you know the node is really down, force-delete its pod (`--field-selector spec.nodeName=node-1` picks whichever pod ran there). The StatefulSet recreates it at once, but it stays Pending: its volume is local to node-1 (kind’s `standard` class), so it can only run there. Unpause node-1 and the pod starts. Never force-delete while the old pod may still run: two pods would share one identity.',
        'zh-CN':
          '确认节点真的宕机后，强制删除它上面的 Pod（`--field-selector spec.nodeName=node-1` 会选中在那里运行的 Pod）。StatefulSet 立即重建它，但新 Pod 停在 Pending：它的存储卷是 node-1 上的本地卷（kind 的 `standard` 存储类），只能在那里运行。恢复 node-1 后，Pod 就启动了。旧 Pod 可能还在运行时绝不要强制删除：那样会有两个 Pod 共用同一个身份。',
      },
      action: {
        kind: 'commands',
        commands: [
          'kubectl delete pod --field-selector spec.nodeName=node-1 --grace-period=0 --force',
          'kubectl get pods -o wide',
          'docker unpause node-1',
          'kubectl get pods -o wide',
        ],
      },
      done: (ctx, start) => {
        const names = forceDeleted(ctx, start).filter((name) => /^web-\d+$/.test(name))
        return (
          names.length > 0 &&
          names.every((name) => recreated(ctx, start, name)) &&
          ctx.snapshot.stoppedNodes.length === 0 &&
          readyReplicas(ctx.snapshot, 'web') >= 3
        )
      },
    },
  ],
  summary: {
    en: 'When a StatefulSet is stuck, look at the first pod that is not Ready: with OrderedReady, nothing after it happens. Pending claims: give the cluster a default StorageClass, or name one that exists. No DNS records: `serviceName` must name a headless Service. A pod never Ready: fix the template, then delete the pod — the controller will not replace it by itself. A failed node: its pod stays Terminating until the node returns or you force-delete it, once you are sure it is not running.',
    'zh-CN':
      'StatefulSet 卡住时，先看第一个没有就绪的 Pod：在 OrderedReady 下，它后面的一切都不会发生。PVC 一直 Pending：给集群一个默认 StorageClass，或写一个存在的 StorageClass。没有 DNS 记录：`serviceName` 必须指向一个 headless Service。Pod 一直不 Ready：修好模板，再删除这个 Pod——控制器不会自己替换它。节点故障：它上面的 Pod 会一直处于 Terminating，直到节点恢复，或者你在确认它已不在运行后强制删除它。',
  },
  docs: [
    {
      label: { en: 'Forced rollback (StatefulSets)', 'zh-CN': '强制回滚（StatefulSet）' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback',
    },
    {
      label: { en: 'Force Delete StatefulSet Pods', 'zh-CN': '强制删除 StatefulSet 的 Pod' },
      url: 'https://kubernetes.io/docs/tasks/run-application/force-delete-stateful-set-pod/',
    },
    {
      label: { en: 'Debug a StatefulSet', 'zh-CN': '调试 StatefulSet' },
      url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-statefulset/',
    },
    {
      label: { en: 'Storage Classes', 'zh-CN': '存储类' },
      url: 'https://kubernetes.io/docs/concepts/storage/storage-classes/',
    },
  ],
}
