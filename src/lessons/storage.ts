// Lesson 2 — storage state: each pod gets its own claim from volumeClaimTemplates, bound to its
// own volume; the claim outlives the pod, so a recreated pod reads the data its predecessor wrote.
import type { Lesson } from './lesson'
import type { ClusterSnapshot } from '../state/clusterSession'
import {
  claimNamed,
  isBound,
  isReady,
  podNamed,
  printedAfter,
  readyReplicas,
  recreated,
  setExists,
  typed,
} from './facts'

const WRITE = (pod: string) =>
  `kubectl exec ${pod} -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'`
const READ = (pod: string) => `kubectl exec ${pod} -- curl -s http://localhost/`

/** The claim a pod mounts (its first volume backed by a claim). */
function claimOf(snapshot: ClusterSnapshot, pod: string): string | undefined {
  return podNamed(snapshot, pod)?.spec.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim
    ?.claimName
}

function volumeOf(snapshot: ClusterSnapshot, claim: string): string | undefined {
  return claimNamed(snapshot, claim)?.spec.volumeName
}

export const storageLesson: Lesson = {
  id: 'storage',
  title: { en: 'Storage state: a claim per pod', 'zh-CN': '存储状态：每个 Pod 一个 PVC' },
  goal: {
    en: 'See each pod get its own PersistentVolumeClaim, and its data survive the pod.',
    'zh-CN': '看每个 Pod 如何得到自己的 PersistentVolumeClaim，以及数据如何比 Pod 活得更久。',
  },
  example: 'web',
  steps: [
    {
      id: 'apply',
      title: {
        en: 'A StatefulSet with volumeClaimTemplates',
        'zh-CN': '带 volumeClaimTemplates 的 StatefulSet',
      },
      text: {
        en: 'This `web` has a `volumeClaimTemplates` entry named `www`. For every pod, the controller first creates a PersistentVolumeClaim from it, named `<template>-<pod>`, then the pod that mounts it. Apply and watch the storage row.',
        'zh-CN':
          '这个 `web` 有一个名为 `www` 的 `volumeClaimTemplates`。对每个 Pod，控制器先按模板创建一个 PersistentVolumeClaim，名字是 `<模板名>-<Pod 名>`，然后才创建挂载它的 Pod。应用它，并观察存储那一行。',
      },
      action: { kind: 'apply', example: 'web' },
      watch: {
        en: 'Claims appear, the provisioner creates a PersistentVolume for each, and they bind.',
        'zh-CN': 'PVC 出现后，供应器为每个 PVC 创建一个 PersistentVolume，然后二者绑定。',
      },
      done: (ctx) =>
        setExists(ctx.snapshot, 'web') &&
        readyReplicas(ctx.snapshot, 'web') >= 2 &&
        isBound(claimNamed(ctx.snapshot, 'www-web-0')) &&
        isBound(claimNamed(ctx.snapshot, 'www-web-1')),
      prediction: {
        question: {
          en: 'web-0 has its claim www-web-0. Which claim will web-1 mount?',
          'zh-CN': 'web-0 用的是 www-web-0。web-1 会挂载哪个 PVC？',
        },
        options: [
          {
            id: 'shared',
            label: { en: 'www-web-0, shared with web-0', 'zh-CN': 'www-web-0，与 web-0 共用' },
          },
          { id: 'own', label: { en: 'Its own: www-web-1', 'zh-CN': '它自己的：www-web-1' } },
          { id: 'random', label: { en: 'A claim with a random name', 'zh-CN': '一个随机名字的 PVC' } },
        ],
        ask: (ctx) => !!claimNamed(ctx.snapshot, 'www-web-0') && !podNamed(ctx.snapshot, 'web-1'),
        outcome: (ctx) => {
          const claim = claimOf(ctx.snapshot, 'web-1')
          if (!claim) return undefined
          return claim === 'www-web-1' ? 'own' : claim === 'www-web-0' ? 'shared' : 'random'
        },
        explain: {
          en: 'Each ordinal gets its own claim, `www-web-1` for web-1: the template is stamped once per pod. A Deployment’s pods would all share the one claim named in their template.',
          'zh-CN':
            '每个序号都有自己的 PVC，web-1 的是 `www-web-1`：模板为每个 Pod 各生成一次。而 Deployment 的 Pod 会共用模板里写明的同一个 PVC。',
        },
      },
    },
    {
      id: 'claims',
      title: { en: 'Claims bound to volumes', 'zh-CN': 'PVC 绑定到 PV' },
      text: {
        en: 'List the claims and the volumes. Each claim is `Bound` to its own PersistentVolume, created by the default StorageClass’s provisioner.',
        'zh-CN':
          '列出 PVC 和 PV。每个 PVC 都 `Bound` 到自己的 PersistentVolume，这些 PV 由默认 StorageClass 的供应器创建。',
      },
      action: { kind: 'commands', commands: ['kubectl get pvc -l app=nginx', 'kubectl get pv'] },
      done: (ctx, start) => typed(ctx, start, /kubectl\s+get\s+(pvc|persistentvolumeclaims?)\b/),
    },
    {
      id: 'write',
      title: { en: 'Write some data', 'zh-CN': '写入一些数据' },
      text: {
        en: 'Write each pod’s hostname into `index.html` on its volume (nginx serves that folder).',
        'zh-CN': '把每个 Pod 的主机名写进它存储卷上的 `index.html`（nginx 提供这个目录的内容）。',
      },
      action: { kind: 'commands', commands: [WRITE('web-0'), WRITE('web-1')] },
      done: (ctx, start) =>
        typed(ctx, start, /exec\s+web-0\s.*index\.html/) && typed(ctx, start, /exec\s+web-1\s.*index\.html/),
    },
    {
      id: 'delete',
      title: { en: 'Delete the pods', 'zh-CN': '删除这些 Pod' },
      text: {
        en: 'Delete both pods. Their claims are not deleted: claims made from volumeClaimTemplates outlive their pods.',
        'zh-CN': '删除两个 Pod。它们的 PVC 不会被删除：由 volumeClaimTemplates 创建的 PVC 比 Pod 活得更久。',
      },
      action: { kind: 'commands', commands: ['kubectl delete pod -l app=nginx'] },
      done: (ctx, start) => recreated(ctx, start, 'web-0') && recreated(ctx, start, 'web-1'),
      prediction: {
        question: {
          en: 'web-0 is being deleted. What will the new web-0 mount?',
          'zh-CN': 'web-0 正在被删除。新的 web-0 会挂载什么？',
        },
        options: [
          {
            id: 'same',
            label: { en: 'The same claim and volume, with the data', 'zh-CN': '同一个 PVC 和 PV，数据还在' },
          },
          { id: 'fresh', label: { en: 'A fresh, empty volume', 'zh-CN': '一个全新的空存储卷' } },
        ],
        ask: (ctx) => !!podNamed(ctx.snapshot, 'web-0')?.metadata.deletionTimestamp,
        outcome: (ctx, asked) => {
          const before = podNamed(asked.snapshot, 'web-0')
          const now = podNamed(ctx.snapshot, 'web-0')
          if (!before || !now || now.metadata.uid === before.metadata.uid || !isReady(now)) return undefined
          const claim = claimOf(ctx.snapshot, 'web-0')
          const same =
            claim === claimOf(asked.snapshot, 'web-0') &&
            !!claim &&
            volumeOf(ctx.snapshot, claim) === volumeOf(asked.snapshot, claim)
          return same ? 'same' : 'fresh'
        },
        explain: {
          en: 'The new web-0 mounts `www-web-0` again — still bound to the same PersistentVolume — so it finds the file its predecessor wrote.',
          'zh-CN':
            '新的 web-0 再次挂载 `www-web-0`——它仍然绑定着同一个 PersistentVolume——所以能看到前一个 Pod 写下的文件。',
        },
      },
    },
    {
      id: 'read',
      title: { en: 'Read the same data', 'zh-CN': '读到同样的数据' },
      text: {
        en: 'Ask the new pods for their page. Each answers with the hostname written before it was recreated.',
        'zh-CN': '请求新 Pod 的页面。每个 Pod 回答的都是它被重建之前写入的主机名。',
      },
      action: { kind: 'commands', commands: [READ('web-0'), READ('web-1')] },
      done: (ctx, start) => printedAfter(ctx, start, /exec\s+web-0\s.*curl/, /^web-0\s*$/m),
    },
    {
      id: 'scale-down',
      title: { en: 'Scale down: the claim waits', 'zh-CN': '缩容：PVC 在等待' },
      text: {
        en: 'Scale to one replica. web-1 is deleted (the highest ordinal goes first), but `www-web-1` stays, still Bound, waiting for its pod.',
        'zh-CN':
          '缩容到 1 个副本。web-1 被删除（序号最大的先走），但 `www-web-1` 保留下来，仍是 Bound，等着它的 Pod。',
      },
      action: { kind: 'commands', commands: ['kubectl scale statefulset web --replicas=1'] },
      done: (ctx) => !podNamed(ctx.snapshot, 'web-1') && isBound(claimNamed(ctx.snapshot, 'www-web-1')),
    },
    {
      id: 'scale-up',
      title: { en: 'Scale up: the claim is reused', 'zh-CN': '扩容：PVC 被重新使用' },
      text: {
        en: 'Scale back to two. The new web-1 mounts the waiting `www-web-1`, with its volume and data.',
        'zh-CN': '扩回 2 个副本。新的 web-1 挂载了等待中的 `www-web-1`，存储卷和数据都还在。',
      },
      action: { kind: 'commands', commands: ['kubectl scale statefulset web --replicas=2', READ('web-1')] },
      done: (ctx, start) =>
        isReady(podNamed(ctx.snapshot, 'web-1')) &&
        claimOf(ctx.snapshot, 'web-1') === 'www-web-1' &&
        volumeOf(ctx.snapshot, 'www-web-1') === volumeOf(start.snapshot, 'www-web-1'),
    },
  ],
  summary: {
    en: 'Storage state: `volumeClaimTemplates` give every pod its own PersistentVolumeClaim (`www-web-0`, `www-web-1`), each bound to its own PersistentVolume. Deleting or scaling away a pod leaves its claim, so the pod that takes the same ordinal later mounts the same volume and reads the same data.',
    'zh-CN':
      '存储状态：`volumeClaimTemplates` 为每个 Pod 生成自己的 PersistentVolumeClaim（`www-web-0`、`www-web-1`），各自绑定到自己的 PersistentVolume。删除 Pod 或缩容都会留下它的 PVC，所以之后占用同一序号的 Pod 会挂载同一个存储卷，读到同样的数据。',
  },
  docs: [
    {
      label: { en: 'Stable storage (StatefulSet Basics)', 'zh-CN': '稳定的存储（StatefulSet 基础）' },
      url: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/#writing-to-stable-storage',
    },
    {
      label: { en: 'Persistent Volumes', 'zh-CN': '持久卷' },
      url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
    },
    {
      label: { en: 'PersistentVolumeClaim retention', 'zh-CN': 'PVC 保留策略' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention',
    },
  ],
}
