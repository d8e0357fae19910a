// Lesson 3 — StatefulSet vs Deployment: one pod template run both ways. The Deployment's pods get
// random names, share one claim and sit behind one ClusterIP; the StatefulSet's are numbered, each
// with its own claim and DNS record, and a deleted one comes back under the same name.
import type { Lesson } from './lesson'
import type { ClusterSnapshot } from '../state/clusterSession'
import { isReady, podNamed, podsLabelled, printedAfter, readyReplicas, recreated, setExists } from './facts'

const NSLOOKUP = (name: string) =>
  `kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup ${name}`

/** The Deployment's pods (label app=nginx-deploy), live or terminating. */
function deployPods(snapshot: ClusterSnapshot) {
  return podsLabelled(snapshot, 'app', 'nginx-deploy')
}

function liveDeployPods(snapshot: ClusterSnapshot) {
  return deployPods(snapshot).filter((p) => !p.metadata.deletionTimestamp)
}

const escape = (s: string) => s.replaceAll('.', '\\.')

export const comparisonLesson: Lesson = {
  id: 'comparison',
  title: { en: 'StatefulSet vs Deployment', 'zh-CN': 'StatefulSet 与 Deployment 对比' },
  goal: {
    en: 'Run one pod template as a Deployment and as a StatefulSet, and compare their names, claims, DNS and what comes back after a delete.',
    'zh-CN':
      '用同一个 Pod 模板分别运行一个 Deployment 和一个 StatefulSet，比较它们的名字、PVC、DNS，以及删除之后回来的是什么。',
  },
  example: 'deployment-vs-statefulset',
  steps: [
    {
      id: 'apply',
      title: { en: 'One template, run both ways', 'zh-CN': '同一个模板，两种运行方式' },
      text: {
        en: 'The editor holds both. The StatefulSet `web` has the headless Service `nginx` and a `volumeClaimTemplates` entry. The Deployment `web-deploy` has an ordinary Service `nginx-deploy` and mounts one claim, `www-shared`. Both run the same nginx container with 3 replicas. Apply them.',
        'zh-CN':
          '编辑器里两者都有。StatefulSet `web` 配有 headless Service `nginx` 和一个 `volumeClaimTemplates`。Deployment `web-deploy` 配有普通的 Service `nginx-deploy`，并挂载同一个 PVC `www-shared`。两者运行同样的 nginx 容器，都是 3 个副本。应用它们。',
      },
      action: { kind: 'apply', example: 'deployment-vs-statefulset' },
      watch: {
        en: 'The Deployment creates its three pods at once; the StatefulSet creates web-0, web-1, web-2 one after another.',
        'zh-CN': 'Deployment 一次性创建三个 Pod；StatefulSet 则依次创建 web-0、web-1、web-2。',
      },
      done: (ctx) =>
        setExists(ctx.snapshot, 'web') &&
        readyReplicas(ctx.snapshot, 'web') >= 3 &&
        liveDeployPods(ctx.snapshot).filter(isReady).length >= 3,
    },
    {
      id: 'names',
      title: { en: 'Random names, numbered names', 'zh-CN': '随机的名字，编号的名字' },
      text: {
        en: 'List the controllers and the pods. The Deployment works through a ReplicaSet, and its pods are named after it plus a random suffix: `web-deploy-<hash>-<random>`. The StatefulSet owns its pods itself and numbers them: `web-0`, `web-1`, `web-2`.',
        'zh-CN':
          '列出控制器和 Pod。Deployment 通过一个 ReplicaSet 管理 Pod，Pod 的名字是 ReplicaSet 的名字加一个随机后缀：`web-deploy-<hash>-<随机串>`。StatefulSet 直接管理自己的 Pod，并给它们编号：`web-0`、`web-1`、`web-2`。',
      },
      action: {
        kind: 'commands',
        commands: ['kubectl get deployment,replicaset,statefulset', 'kubectl get pods -o wide'],
      },
      done: (ctx, start) =>
        printedAfter(ctx, start, /kubectl\s+get\s+(pods?|po)\b/, /^web-deploy-[a-z0-9]+-[a-z0-9]{5}\s/m) &&
        printedAfter(ctx, start, /kubectl\s+get\s+(pods?|po)\b/, /^web-0\s/m),
    },
    {
      id: 'claims',
      title: { en: 'One shared claim, or one each', 'zh-CN': '共用一个 PVC，还是各有一个' },
      text: {
        en: 'List the claims. The Deployment’s pods all mount the one claim their template names, `www-shared`; the StatefulSet made `www-web-0`, `www-web-1` and `www-web-2`, one per pod. `www-shared` is ReadWriteOnce — one node at a time — so all three Deployment pods run on the node that holds its volume (the NODE column above).',
        'zh-CN':
          '列出 PVC。Deployment 的 Pod 都挂载模板里写明的同一个 PVC `www-shared`；StatefulSet 则为每个 Pod 各建了一个：`www-web-0`、`www-web-1`、`www-web-2`。`www-shared` 是 ReadWriteOnce，同一时间只能用在一个节点上，所以 Deployment 的三个 Pod 都跑在它的存储卷所在的节点上（见上面的 NODE 列）。',
      },
      action: { kind: 'commands', commands: ['kubectl get pvc'] },
      done: (ctx, start) =>
        printedAfter(ctx, start, /kubectl\s+get\s+(pvc|persistentvolumeclaims?)\b/, /^www-shared\s+Bound/m) &&
        printedAfter(ctx, start, /kubectl\s+get\s+(pvc|persistentvolumeclaims?)\b/, /^www-web-2\s+Bound/m),
    },
    {
      id: 'delete',
      title: { en: 'Delete pods of both', 'zh-CN': '删除两边的 Pod' },
      text: {
        en: 'Delete the Deployment’s pods and web-0, then list the pods again. Both controllers replace what is missing — but not in the same way.',
        'zh-CN':
          '删除 Deployment 的 Pod 和 web-0，然后再列出 Pod。两个控制器都会补上缺少的 Pod——但方式不同。',
      },
      action: {
        kind: 'commands',
        commands: [
          'kubectl delete pod -l app=nginx-deploy',
          'kubectl delete pod web-0',
          'kubectl get pods -o wide',
        ],
      },
      done: (ctx, start) => {
        const before = new Set(deployPods(start.snapshot).map((p) => p.metadata.name))
        const live = liveDeployPods(ctx.snapshot)
        return (
          before.size > 0 &&
          live.filter(isReady).length >= 3 &&
          live.every((p) => !before.has(p.metadata.name)) &&
          recreated(ctx, start, 'web-0')
        )
      },
      prediction: {
        question: {
          en: 'The Deployment’s pods are being deleted. What names will their replacements get?',
          'zh-CN': 'Deployment 的 Pod 正在被删除。替代它们的 Pod 会叫什么名字？',
        },
        options: [
          { id: 'same', label: { en: 'The same names as before', 'zh-CN': '和之前一样的名字' } },
          { id: 'new', label: { en: 'New random names', 'zh-CN': '新的随机名字' } },
          {
            id: 'numbered',
            label: {
              en: 'web-deploy-0, web-deploy-1, web-deploy-2',
              'zh-CN': 'web-deploy-0、web-deploy-1、web-deploy-2',
            },
          },
        ],
        ask: (ctx, start) => {
          const now = new Map(deployPods(ctx.snapshot).map((p) => [p.metadata.uid, p]))
          return deployPods(start.snapshot).some((p) => {
            const pod = now.get(p.metadata.uid)
            return !pod || !!pod.metadata.deletionTimestamp
          })
        },
        outcome: (ctx, asked) => {
          // The pods being deleted when asked; the answer is known once they are gone and 3 others are Ready.
          const deleted = deployPods(asked.snapshot).filter((p) => p.metadata.deletionTimestamp)
          const uids = new Set(deployPods(ctx.snapshot).map((p) => p.metadata.uid))
          const live = liveDeployPods(ctx.snapshot)
          if (deleted.some((p) => uids.has(p.metadata.uid)) || live.filter(isReady).length < 3)
            return undefined
          const names = new Set(deleted.map((p) => p.metadata.name))
          if (live.some((p) => names.has(p.metadata.name))) return 'same'
          return live.every((p) => /^web-deploy-\d+$/.test(p.metadata.name)) ? 'numbered' : 'new'
        },
        explain: {
          en: 'A ReplicaSet only counts pods: when some are missing it makes new ones, each with a new random suffix, on any node that fits. The StatefulSet instead recreates the missing ordinal: web-0 comes back as web-0, with its claim `www-web-0`.',
          'zh-CN':
            'ReplicaSet 只清点 Pod 的数量：少了就创建新的，每个都带新的随机后缀，调度到任何合适的节点上。StatefulSet 则重建缺少的那个序号：web-0 回来时还是 web-0，还挂着它的 PVC `www-web-0`。',
        },
      },
    },
    {
      id: 'dns',
      title: { en: 'One virtual IP, or a record per pod', 'zh-CN': '一个虚拟 IP，还是每个 Pod 一条记录' },
      text: {
        en: '`nginx-deploy` is an ordinary Service: its name resolves to one ClusterIP, and each connection goes to whichever pod kube-proxy picks. The headless `nginx` gives each StatefulSet pod its own name, so a client can reach web-0 itself — a primary, a shard, a peer.',
        'zh-CN':
          '`nginx-deploy` 是普通的 Service：它的名字解析为一个 ClusterIP，每个连接由 kube-proxy 转发给任意一个 Pod。headless 的 `nginx` 则给 StatefulSet 的每个 Pod 一个自己的名字，客户端可以直接找到 web-0 本身——比如主节点、某个分片或某个对等节点。',
      },
      action: { kind: 'commands', commands: [NSLOOKUP('nginx-deploy'), NSLOOKUP('web-0.nginx')] },
      watch: {
        en: 'Compare the two answers: a Service IP (10.96.0.0/12) and a pod IP (10.244.x.y).',
        'zh-CN': '比较两次的结果：一个是 Service IP（10.96.0.0/12），一个是 Pod IP（10.244.x.y）。',
      },
      done: (ctx, start) => {
        const clusterIP = ctx.snapshot.services.find((s) => s.metadata.name === 'nginx-deploy')?.spec
          .clusterIP
        const podIP = podNamed(ctx.snapshot, 'web-0')?.status.podIP
        return (
          !!clusterIP &&
          !!podIP &&
          printedAfter(
            ctx,
            start,
            /nslookup\s+nginx-deploy\b/,
            new RegExp(`${escape(clusterIP)} nginx-deploy\\.`),
          ) &&
          printedAfter(
            ctx,
            start,
            /nslookup\s+web-0\.nginx\b/,
            new RegExp(`${escape(podIP)} web-0\\.nginx\\.`),
          )
        )
      },
    },
  ],
  summary: {
    en: 'A StatefulSet is a Deployment whose pods are numbered. The Deployment’s pods are interchangeable: random names, one shared claim, one ClusterIP in front, and a deleted pod is replaced by a new name. The StatefulSet’s pods each keep an ordinal, their own claim and their own DNS record, and a deleted pod comes back as itself.',
    'zh-CN':
      'StatefulSet 就是 Pod 有编号的 Deployment。Deployment 的 Pod 可以互相替换：随机的名字、共用一个 PVC、前面是一个 ClusterIP，删掉的 Pod 会被一个新名字的 Pod 取代。StatefulSet 的 Pod 各自保留序号、自己的 PVC 和自己的 DNS 记录，删掉的 Pod 回来时还是它自己。',
  },
  docs: [
    {
      label: { en: 'StatefulSets (concepts)', 'zh-CN': 'StatefulSet（概念）' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/',
    },
    {
      label: { en: 'Deployments', 'zh-CN': 'Deployment' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/',
    },
    {
      label: { en: 'Headless Services', 'zh-CN': 'Headless Service' },
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/#headless-services',
    },
  ],
}
