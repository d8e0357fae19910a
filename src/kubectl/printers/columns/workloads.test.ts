import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../../sim/model'
import { KubectlHarness } from '../../testing/kubectlHarness'

const lines = (...l: string[]) => `${l.join('\n')}\n`

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
        image: nginx:1.25
      - name: sidecar
        image: busybox:1.36
        command: ["sleep", "3600"]
`

function started(): { h: KubectlHarness; rs: string; hash: string } {
  const h = new KubectlHarness({ files: { 'web.yaml': DEPLOYMENT } })
  expect(h.kubectl('apply -f web.yaml').stdout).toBe('deployment.apps/web created\n')
  h.advance(20) // the controller creates the ReplicaSet after its 10 ms latency
  const [rs] = h.sim.ctx.api.list<ReplicaSet>('ReplicaSet')
  return { h, rs: rs?.metadata.name ?? '', hash: rs?.metadata.labels?.['pod-template-hash'] ?? '' }
}

describe('kubectl get deployments and replicasets', () => {
  it('prints NAME READY UP-TO-DATE AVAILABLE AGE, as the rollout goes', () => {
    const h = new KubectlHarness({ files: { 'web.yaml': DEPLOYMENT } })
    h.kubectl('apply -f web.yaml')
    expect(h.kubectl('get deployments').stdout).toBe(
      lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    0/3     0            0           0s'),
    )
    h.advance(30_000)
    expect(h.kubectl('get deploy').stdout).toBe(
      lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    3/3     3            3           30s'),
    )
  })

  it('adds CONTAINERS IMAGES SELECTOR with -o wide', () => {
    const { h, rs, hash } = started()
    h.advance(30_000)
    expect(h.kubectl('get deploy -o wide').stdout).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS      IMAGES                    SELECTOR',
        'web    3/3     3            3           30s   nginx,sidecar   nginx:1.25,busybox:1.36   app=web',
      ),
    )
    const pad = ' '.repeat(rs.length - 4)
    expect(h.kubectl('get rs -o wide').stdout).toBe(
      lines(
        `NAME${pad}   DESIRED   CURRENT   READY   AGE   CONTAINERS      IMAGES                    SELECTOR`,
        `${rs}   3         3         3       30s   nginx,sidecar   nginx:1.25,busybox:1.36   app=web,pod-template-hash=${hash}`,
      ),
    )
  })

  it('prints NAME DESIRED CURRENT READY AGE for replicasets (rs)', () => {
    const { h, rs } = started()
    h.advance(100)
    const pad = ' '.repeat(rs.length - 4)
    expect(h.kubectl('get rs').stdout).toBe(
      lines(`NAME${pad}   DESIRED   CURRENT   READY   AGE`, `${rs}   3         3         0       0s`),
    )
    expect(h.kubectl('get replicasets.apps -o name').stdout).toBe(`replicaset.apps/${rs}\n`)
  })

  it('lists deployments and replicasets in `get all`, between services and statefulsets', () => {
    const { h, rs } = started()
    h.advance(30_000)
    const out = h.kubectl('get all').stdout
    const sections = out.split('\n\n').map((s) => s.split('\n')[1]!.split('/')[0])
    expect(sections).toEqual(['pod', 'service', 'deployment.apps', 'replicaset.apps'])
    expect(out).toContain(`replicaset.apps/${rs}   3         3         3       30s`)
  })

  it('scales a deployment and a replicaset by name', () => {
    const { h, rs } = started()
    h.advance(30_000)
    expect(h.kubectl('scale deployment/web --replicas=5').output).toBe('deployment.apps/web scaled\n')
    h.advance(30_000)
    expect(h.kubectl('get deploy web').stdout).toContain('web    5/5     5            5           60s')
    expect(h.kubectl('get rs').stdout).toContain(`${rs}   5         5         5       60s`)
    expect(h.kubectl('scale --replicas=1 --current-replicas=4 deploy web').output).toBe(
      'error: Expected replicas to be 4, was 5\n',
    )
    expect(h.kubectl(`scale rs ${rs} --replicas=4`).output).toBe(`replicaset.apps/${rs} scaled\n`)
  })
})
