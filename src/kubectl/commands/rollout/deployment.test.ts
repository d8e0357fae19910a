// The rollout verbs for a Deployment, whose history is its ReplicaSets numbered by
// deployment.kubernetes.io/revision. The objects are written straight to the API server and no
// simulated time passes, so these tests read exactly what kubectl reads.
import { describe, expect, test } from 'vitest'
import type { Deployment, Manifest, PodTemplateSpec, ReplicaSet } from '../../../sim/model'
import { KubectlHarness } from '../../testing/kubectlHarness'
import { deploymentRolloutStatus } from './helpers/deployment'

const template = (image: string, hash?: string): PodTemplateSpec => ({
  metadata: { labels: { app: 'nginx', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image }] },
})

/** nginx at revision 3 (nginx:1.16) with ReplicaSets for revisions 1 (1.14), 2 (1.15) and 3. */
function cluster(extra: Partial<Deployment['spec']> = {}): KubectlHarness {
  const k = new KubectlHarness()
  const api = k.sim.ctx.api
  const d = api.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'nginx',
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: template('nginx:1.16'),
      ...extra,
    },
  } as Manifest<Deployment>)
  const rs = (revision: number, image: string, hash: string, cause?: string) =>
    api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `nginx-${hash}`,
        labels: { app: 'nginx', 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          ...(cause ? { 'kubernetes.io/change-cause': cause } : {}),
        },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', uid: d.metadata.uid, controller: true },
        ],
      },
      spec: {
        replicas: revision === 3 ? 2 : 0,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': hash } },
        template: template(image, hash),
      },
    } as Manifest<ReplicaSet>)
  rs(1, 'nginx:1.14', 'aaaa1')
  rs(2, 'nginx:1.15', 'bbbb2', 'upgrade to 1.15')
  rs(3, 'nginx:1.16', 'cccc3')
  return k
}

const deployment = (k: KubectlHarness) => k.sim.ctx.api.get<Deployment>('Deployment', 'default', 'nginx')

describe('kubectl rollout history deployment', () => {
  test("lists the ReplicaSets' revisions with their change causes", () => {
    const k = cluster()
    expect(k.kubectl('rollout history deployment/nginx').stdout).toBe(
      'deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade to 1.15\n3         <none>\n\n',
    )
  })

  test("--revision prints the ReplicaSet's template, change cause included as an annotation", () => {
    const k = cluster()
    const out = k.kubectl('rollout history deploy/nginx --revision=2').stdout
    expect(out).toContain(
      'deployment.apps/nginx with revision #2\nPod Template:\n  Labels:\tapp=nginx\n\tpod-template-hash=bbbb2\n' +
        '  Annotations:\tkubernetes.io/change-cause: upgrade to 1.15\n',
    )
    expect(out).toContain('    Image:\tnginx:1.15\n')
  })
})

describe('kubectl rollout undo deployment', () => {
  test("restores the previous ReplicaSet's template without its hash label", () => {
    const k = cluster()
    expect(k.kubectl('rollout undo deployment/nginx').stdout).toBe('deployment.apps/nginx rolled back\n')
    const d = deployment(k)
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx:1.15')
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'nginx' })
    // The ReplicaSet's annotations come along, the Deployment keeps its revision.
    expect(d.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'upgrade to 1.15',
    })
  })

  test('--to-revision, a template that already matches, and the errors', () => {
    const k = cluster()
    expect(k.kubectl('rollout undo deploy/nginx --to-revision=3').stdout).toBe(
      'deployment.apps/nginx skipped rollback (current template already matches revision 3)\n',
    )
    expect(k.kubectl('rollout undo deploy/nginx --to-revision=7').stderr).toBe(
      'error: unable to find specified revision 7 in history\n',
    )
    expect(k.kubectl('rollout undo deploy/nginx --to-revision=1').stdout).toBe(
      'deployment.apps/nginx rolled back\n',
    )
    expect(deployment(k).spec.template.spec.containers[0]!.image).toBe('nginx:1.14')
  })

  test('--dry-run=client prints the template (without "will roll back to")', () => {
    const k = cluster()
    const out = k.kubectl('rollout undo deploy/nginx --dry-run=client').stdout
    expect(out.startsWith('deployment.apps/nginx Pod Template:\n')).toBe(true)
    expect(out.endsWith('\n (dry run)\n')).toBe(true)
    expect(deployment(k).spec.template.spec.containers[0]!.image).toBe('nginx:1.16')
  })

  test('a paused deployment cannot be rolled back or restarted', () => {
    const k = cluster({ paused: true })
    expect(k.kubectl('rollout undo deploy/nginx').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    )
    expect(k.kubectl('rollout restart deploy/nginx').stderr).toBe(
      'error: deployments.apps "nginx" can\'t restart paused deployment (run rollout resume first)\n',
    )
  })
})

describe('kubectl rollout pause / resume / restart deployment', () => {
  test('pause sets spec.paused, a second pause fails; resume clears it', () => {
    const k = cluster()
    expect(k.kubectl('rollout pause deployment/nginx').stdout).toBe('deployment.apps/nginx paused\n')
    expect(deployment(k).spec.paused).toBe(true)
    expect(k.kubectl('rollout pause deployment/nginx').stderr).toBe(
      'error: deployments.apps "nginx" is already paused\n',
    )
    expect(k.kubectl('rollout resume deployment/nginx').stdout).toBe('deployment.apps/nginx resumed\n')
    expect(deployment(k).spec.paused).toBeFalsy()
    expect(k.kubectl('rollout resume deployment/nginx').stderr).toBe(
      'error: deployments.apps "nginx" is not paused\n',
    )
  })

  test('restart stamps the template', () => {
    const k = cluster()
    expect(k.kubectl('rollout restart deployment/nginx').stdout).toBe('deployment.apps/nginx restarted\n')
    expect(Object.keys(deployment(k).spec.template.metadata?.annotations ?? {})).toEqual([
      'kubectl.kubernetes.io/restartedAt',
    ])
  })
})

describe('DeploymentStatusViewer', () => {
  const d = (status: Deployment['status'], generation = 2, replicas = 3): Deployment =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx', generation, annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: { replicas, selector: {}, template: template('nginx') },
      status,
    }) as unknown as Deployment

  test("reports each stage in kubectl's words", () => {
    expect(deploymentRolloutStatus(d({ observedGeneration: 1 }), 0).message).toBe(
      'Waiting for deployment spec update to be observed...\n',
    )
    expect(deploymentRolloutStatus(d({ observedGeneration: 2, updatedReplicas: 1, replicas: 4 }), 0)).toEqual(
      {
        message:
          'Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...\n',
        done: false,
      },
    )
    expect(
      deploymentRolloutStatus(d({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 }), 0).message,
    ).toBe('Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...\n')
    expect(
      deploymentRolloutStatus(
        d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }),
        0,
      ).message,
    ).toBe('Waiting for deployment "nginx" rollout to finish: 2 of 3 updated replicas are available...\n')
    expect(
      deploymentRolloutStatus(
        d({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
        0,
      ),
    ).toEqual({ message: 'deployment "nginx" successfully rolled out\n', done: true })
  })

  test('fails past the progress deadline or at another revision', () => {
    const timedOut = d({
      observedGeneration: 2,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    })
    expect(() => deploymentRolloutStatus(timedOut, 0)).toThrow(
      'deployment "nginx" exceeded its progress deadline',
    )
    expect(() => deploymentRolloutStatus(d({ observedGeneration: 2 }), 5)).toThrow(
      'desired revision (5) is different from the running revision (2)',
    )
  })
})

describe('the rollout verbs with the Deployment controller running', () => {
  const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
`
  const podImages = (k: KubectlHarness) =>
    k.kubectl("get pods -l app=nginx -o jsonpath='{.items[*].spec.containers[0].image}'").stdout

  test('set image rolls out revision 2; undo brings back revision 1 as revision 3', () => {
    const k = new KubectlHarness({ files: { 'nginx.yaml': DEPLOYMENT_YAML } })
    k.kubectl('apply -f nginx.yaml')
    expect(k.kubectl('rollout status deployment/nginx').stdout).toMatch(
      /deployment "nginx" successfully rolled out\n$/,
    )
    expect(k.kubectl('set image deployment/nginx nginx=nginx:1.16.1').stdout).toBe(
      'deployment.apps/nginx image updated\n',
    )
    k.kubectl('rollout status deployment/nginx')
    expect(k.kubectl('rollout history deployment/nginx').stdout).toBe(
      'deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    )
    expect(k.kubectl('rollout undo deployment/nginx').stdout).toBe('deployment.apps/nginx rolled back\n')
    expect(k.kubectl('rollout status deployment/nginx').exitCode).toBe(0)
    k.advanceUntil(() => podImages(k) === 'nginx:1.14.2 nginx:1.14.2 nginx:1.14.2')
    expect(k.kubectl('rollout history deployment/nginx').stdout).toBe(
      'deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    )
  })
})
