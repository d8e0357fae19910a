// Lesson 1 — topology state: pods are not interchangeable. They start in order, each keeps its
// name, hostname and DNS record when it is recreated; only its IP changes.
import type { Lesson } from './lesson'
import {
  createdAt,
  isReady,
  podNamed,
  printedAfter,
  readyReplicas,
  readySince,
  recreated,
  setExists,
  typed,
} from './facts'

const NSLOOKUP = 'kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-0.nginx'

export const topologyLesson: Lesson = {
  id: 'topology',
  title: { en: 'Topology state: order and identity', 'zh-CN': '拓扑状态：顺序与身份' },
  goal: {
    en: 'See why StatefulSet pods are not interchangeable: they start in order and keep their names and DNS records.',
    'zh-CN': '看清 StatefulSet 的 Pod 为什么不可互换：它们按顺序启动，并保留各自的名字和 DNS 记录。',
  },
  example: 'topology',
  steps: [
    {
      id: 'apply',
      title: {
        en: 'Create a headless Service and a StatefulSet',
        'zh-CN': '创建 headless Service 和 StatefulSet',
      },
      text: {
        en: 'The editor holds two objects. The Service `nginx` has `clusterIP: None`: it is headless, so DNS answers with the pods themselves instead of one virtual IP. The StatefulSet `web` asks for 3 replicas and names that Service in `serviceName`. Apply them and watch the cluster.',
        'zh-CN':
          '编辑器里有两个对象。Service `nginx` 设置了 `clusterIP: None`，它是 headless Service：DNS 直接返回各个 Pod，而不是一个虚拟 IP。StatefulSet `web` 要 3 个副本，并在 `serviceName` 中指向这个 Service。应用它们，然后观察集群。',
      },
      action: { kind: 'apply', example: 'topology' },
      watch: {
        en: 'Watch the slots web-0, web-1, web-2 fill one after another.',
        'zh-CN': '留意 web-0、web-1、web-2 这几个槽位是如何依次被填上的。',
      },
      done: (ctx) => setExists(ctx.snapshot, 'web') && readyReplicas(ctx.snapshot, 'web') >= 3,
      prediction: {
        question: {
          en: 'web-0 is starting. What will the StatefulSet controller do next?',
          'zh-CN': 'web-0 正在启动。StatefulSet 控制器接下来会做什么？',
        },
        options: [
          {
            id: 'at-once',
            label: {
              en: 'Create web-1 and web-2 right away, alongside web-0',
              'zh-CN': '立即创建 web-1 和 web-2，与 web-0 同时启动',
            },
          },
          {
            id: 'after-ready',
            label: {
              en: 'Wait until web-0 is Running and Ready, then create web-1',
              'zh-CN': '等 web-0 进入 Running 且 Ready 之后，再创建 web-1',
            },
          },
          {
            id: 'random',
            label: {
              en: 'Create a pod with a random name, like a Deployment does',
              'zh-CN': '像 Deployment 那样，创建一个随机名字的 Pod',
            },
          },
        ],
        ask: (ctx) => {
          const web0 = podNamed(ctx.snapshot, 'web-0')
          return !!web0 && !isReady(web0) && !podNamed(ctx.snapshot, 'web-1')
        },
        outcome: (ctx) => {
          const web1 = podNamed(ctx.snapshot, 'web-1')
          if (!web1) return undefined
          const ready = readySince(podNamed(ctx.snapshot, 'web-0'))
          return ready !== undefined && createdAt(web1) >= ready ? 'after-ready' : 'at-once'
        },
        explain: {
          en: 'With the default `podManagementPolicy: OrderedReady`, the controller creates pod N+1 only once pod N is Running and Ready. Names are `<statefulset>-<ordinal>`: never random.',
          'zh-CN':
            '在默认的 `podManagementPolicy: OrderedReady` 下，控制器只有在第 N 个 Pod 进入 Running 且 Ready 之后，才会创建第 N+1 个。名字总是 `<statefulset>-<序号>`，绝不随机。',
        },
      },
    },
    {
      id: 'names',
      title: { en: 'Names with an ordinal', 'zh-CN': '带序号的名字' },
      text: {
        en: 'List the pods. Each name is the StatefulSet’s name plus an ordinal, starting from 0. A Deployment’s pods get random suffixes instead; here the number is the pod’s identity.',
        'zh-CN':
          '列出这些 Pod。每个名字都是 StatefulSet 的名字加上从 0 开始的序号。Deployment 的 Pod 名字带的是随机后缀；而在这里，这个编号就是 Pod 的身份。',
      },
      action: { kind: 'commands', commands: ['kubectl get pods -l app=nginx'] },
      done: (ctx, start) => typed(ctx, start, /kubectl\s+get\s+(pods?|po)\b/),
    },
    {
      id: 'hostname',
      title: { en: 'The hostname is the pod’s name', 'zh-CN': '主机名就是 Pod 的名字' },
      text: {
        en: 'Ask a pod for its hostname. The StatefulSet sets each pod’s `hostname` to its own name, so a program inside can tell which member it is.',
        'zh-CN':
          '查看 Pod 的主机名。StatefulSet 把每个 Pod 的 `hostname` 设为它自己的名字，所以容器里的程序知道自己是第几个成员。',
      },
      action: {
        kind: 'commands',
        commands: ['kubectl exec web-0 -- hostname', 'kubectl exec web-1 -- hostname'],
      },
      done: (ctx, start) => printedAfter(ctx, start, /kubectl\s+exec\s+.*hostname/, /^web-\d+\s*$/m),
    },
    {
      id: 'dns',
      title: { en: 'A DNS name for every pod', 'zh-CN': '每个 Pod 都有 DNS 名字' },
      text: {
        en: 'Because the Service is headless and the pods set `subdomain` to `nginx`, each Ready pod gets a record `<pod>.<service>.<namespace>.svc.cluster.local`. Look one up from a throwaway busybox pod.',
        'zh-CN':
          '因为 Service 是 headless 的，而且 Pod 的 `subdomain` 是 `nginx`，每个 Ready 的 Pod 都会得到一条 `<pod>.<service>.<namespace>.svc.cluster.local` 记录。用一个临时的 busybox Pod 查一下。',
      },
      action: { kind: 'commands', commands: [NSLOOKUP] },
      watch: {
        en: 'The DNS zone on the canvas shows the same records.',
        'zh-CN': '画布上的 DNS 区域显示的是同样的记录。',
      },
      done: (ctx, start) =>
        printedAfter(ctx, start, /nslookup\s+web-\d/, /web-\d\.nginx\.default\.svc\.cluster\.local/),
    },
    {
      id: 'delete',
      title: { en: 'Delete the pods', 'zh-CN': '删除这些 Pod' },
      text: {
        en: 'Delete every pod of the set. The StatefulSet controller notices the missing ordinals and recreates them — in order again.',
        'zh-CN': '删除这个 StatefulSet 的所有 Pod。控制器会发现缺少的序号并重新创建它们——依然按顺序。',
      },
      action: { kind: 'commands', commands: ['kubectl delete pod -l app=nginx'] },
      watch: {
        en: 'Each slot keeps its name; the tenant changes (new uid, “tenant #2”).',
        'zh-CN': '每个槽位保留它的名字；变的是住客（新的 uid，“tenant #2”）。',
      },
      done: (ctx, start) => ['web-0', 'web-1', 'web-2'].every((name) => recreated(ctx, start, name)),
      prediction: {
        question: {
          en: 'web-0 is being deleted. When it comes back, where will the DNS record web-0.nginx point?',
          'zh-CN': 'web-0 正在被删除。它回来之后，DNS 记录 web-0.nginx 会指向哪里？',
        },
        options: [
          { id: 'same-ip', label: { en: 'To the same IP as before', 'zh-CN': '和之前一样的 IP' } },
          { id: 'new-ip', label: { en: 'To the new pod’s new IP', 'zh-CN': '新 Pod 的新 IP' } },
          {
            id: 'gone',
            label: { en: 'Nowhere: the record is gone for good', 'zh-CN': '哪里都不指：这条记录永久消失了' },
          },
        ],
        ask: (ctx) => !!podNamed(ctx.snapshot, 'web-0')?.metadata.deletionTimestamp,
        outcome: (ctx, asked) => {
          const before = podNamed(asked.snapshot, 'web-0')
          const now = podNamed(ctx.snapshot, 'web-0')
          if (!before || !now || now.metadata.uid === before.metadata.uid || !isReady(now)) return undefined
          return now.status.podIP === before.status.podIP ? 'same-ip' : 'new-ip'
        },
        explain: {
          en: 'The record belongs to the name, not to the pod: it disappears while web-0 is gone and comes back pointing at the new pod’s IP. Clients should use the DNS name, never the IP.',
          'zh-CN':
            '这条记录属于名字，而不属于某个 Pod：web-0 不在时记录消失，回来后指向新 Pod 的 IP。所以客户端应当使用 DNS 名字，而不是 IP。',
        },
      },
    },
    {
      id: 'dns-again',
      title: { en: 'Same name, new address', 'zh-CN': '同样的名字，新的地址' },
      text: {
        en: 'Look up web-0.nginx again. The name is the same as before; the address is the new pod’s. That is the stable network identity a StatefulSet gives.',
        'zh-CN': '再查一次 web-0.nginx。名字没变，地址是新 Pod 的。这就是 StatefulSet 提供的稳定网络标识。',
      },
      action: { kind: 'commands', commands: [NSLOOKUP, 'kubectl get pods -o wide -l app=nginx'] },
      done: (ctx, start) => {
        const ip = podNamed(ctx.snapshot, 'web-0')?.status.podIP
        return (
          !!ip &&
          printedAfter(
            ctx,
            start,
            /nslookup\s+web-0/,
            new RegExp(`${ip.replaceAll('.', '\\.')} web-0\\.nginx`),
          )
        )
      },
    },
  ],
  summary: {
    en: 'Topology state: a StatefulSet’s pods are numbered. They are created in order (with OrderedReady, each waits for the previous one to be Ready), and each number keeps its name, hostname and DNS record through a headless Service — even when the pod is replaced and its IP changes.',
    'zh-CN':
      '拓扑状态：StatefulSet 的 Pod 是有编号的。它们按顺序创建（在 OrderedReady 下，每个都要等前一个 Ready），并且通过 headless Service，每个编号都保留自己的名字、主机名和 DNS 记录——即使 Pod 被替换、IP 变了也一样。',
  },
  docs: [
    {
      label: { en: 'StatefulSets (concepts)', 'zh-CN': 'StatefulSet（概念）' },
      url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/',
    },
    {
      label: { en: 'StatefulSet Basics (tutorial)', 'zh-CN': 'StatefulSet 基础（教程）' },
      url: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/',
    },
    {
      label: { en: 'DNS for Services and Pods', 'zh-CN': 'Service 与 Pod 的 DNS' },
      url: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
    },
  ],
}
