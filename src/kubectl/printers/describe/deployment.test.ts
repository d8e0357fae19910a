import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../../sim/model'
import { KubectlHarness } from '../../testing/kubectlHarness'
import { describeReplicaSet } from './replicaset'

const lines = (...l: string[]) => `${l.join('\n')}\n`

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`

/** web at nginx:1.25 (20 s), then rolled to nginx:1.26 (20 s more). */
function rolledOut(): KubectlHarness {
  const h = new KubectlHarness({
    files: { 'a.yaml': deployment('nginx:1.25'), 'b.yaml': deployment('nginx:1.26') },
  })
  h.kubectl('apply -f a.yaml')
  h.advance(20_000)
  h.kubectl('apply -f b.yaml')
  h.advance(20_000)
  return h
}

describe('kubectl describe deployment', () => {
  it('prints replicas, strategy, template, conditions, old and new ReplicaSets and the scaling events', () => {
    const h = rolledOut()
    const [oldRS, newRS] = h.sim.ctx.api
      .list<ReplicaSet>('ReplicaSet')
      .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp))
      .map((rs) => rs.metadata.name)
    expect(h.kubectl('describe deployment web').stdout).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.26',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        `OldReplicaSets:  ${oldRS} (0/0 replicas created)`,
        `NewReplicaSet:   ${newRS} (2/2 replicas created)`,
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        `  Normal  ScalingReplicaSet  40s   deployment-controller  Scaled up replica set ${oldRS} to 2`,
        `  Normal  ScalingReplicaSet  20s   deployment-controller  Scaled up replica set ${newRS} to 1`,
        `  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled down replica set ${oldRS} to 1 from 2`,
        `  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled up replica set ${newRS} to 2 from 1`,
        `  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled down replica set ${oldRS} to 0 from 1`,
      ),
    )
  })

  it('says OldReplicaSets <none> before any rollout, and prints a Recreate strategy without RollingUpdateStrategy', () => {
    const recreate = deployment('nginx:1.25').replace(
      '  replicas: 2\n',
      '  replicas: 1\n  strategy:\n    type: Recreate\n',
    )
    const h = new KubectlHarness({ files: { 'r.yaml': recreate } })
    h.kubectl('apply -f r.yaml')
    h.advance(20_000)
    const out = h.kubectl('describe deploy web').stdout
    expect(out).toMatch(/\nStrategyType: +Recreate\nMinReadySeconds: +0\nPod Template:\n/)
    expect(out).toMatch(/\nOldReplicaSets: +<none>\nNewReplicaSet: +web-\w+ \(1\/1 replicas created\)\n/)
  })
})

describe('kubectl describe replicaset', () => {
  it('prints the selector, owner, counts, template with its hash label and the pod events', () => {
    const h = rolledOut()
    const rs = h.sim.ctx.api.list<ReplicaSet>('ReplicaSet').find((r) => r.spec.replicas === 2)!
    const hash = rs.metadata.labels!['pod-template-hash']!
    const created = h.sim.ctx.api
      .list('Event')
      .filter(
        (e) =>
          (e as unknown as { involvedObject: { name: string } }).involvedObject.name === rs.metadata.name,
      )
      .map((e) => (e as unknown as { message: string }).message)
    expect(created).toHaveLength(2)
    expect(h.kubectl(`describe rs ${rs.metadata.name}`).stdout).toBe(
      lines(
        `Name:           ${rs.metadata.name}`,
        'Namespace:      default',
        `Selector:       app=web,pod-template-hash=${hash}`,
        'Labels:         app=web',
        `                pod-template-hash=${hash}`,
        'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
        '                deployment.kubernetes.io/max-replicas: 3',
        '                deployment.kubernetes.io/revision: 2',
        'Controlled By:  Deployment/web',
        'Replicas:       2 current / 2 desired',
        'Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        `           pod-template-hash=${hash}`,
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.26',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        `  Normal  SuccessfulCreate  20s   replicaset-controller  ${created[0]}`,
        `  Normal  SuccessfulCreate  13s   replicaset-controller  ${created[1]}`,
      ),
    )
    expect(created.every((m) => new RegExp(`^Created pod: ${rs.metadata.name}-[a-z0-9]{5}$`).test(m))).toBe(
      true,
    )
  })

  it('lists a ReplicaFailure condition as kubectl does', () => {
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'frontend',
        namespace: 'default',
        uid: 'u',
        resourceVersion: '1',
        creationTimestamp: '',
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'frontend' } },
        template: {
          metadata: { labels: { tier: 'frontend' } },
          spec: { containers: [{ name: 'php', image: 'php' }] },
        },
      },
      status: {
        replicas: 0,
        conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota' }],
      },
    } as ReplicaSet
    const out = describeReplicaSet(rs, [], [], 0)
    expect(out).toContain(
      lines(
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type             Status  Reason',
        '  ----             ------  ------',
        '  ReplicaFailure   True    FailedCreate',
        'Events:            <none>',
      ),
    )
    expect(out).not.toContain('Controlled By')
  })
})
