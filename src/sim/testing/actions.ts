// Random user sessions for model-based fuzzing: arbitrary sequences of what a learner can do to
// a StatefulSet (create, scale, update, partition, retention, delete pods, claims or the set), to a
// Deployment (create, scale, update, delete), and to nodes (stop, start, cordon), run on a
// TestCluster with the invariants checked after every task. Shared by `npm test` (a few hundred
// sequences) and `npm run fuzz` (as many as asked for).
import fc from 'fast-check'
import type { Deployment, KubeObject, Node, Pod, ReplicaSet, StatefulSet } from '../model'
import { startNode, stopNode } from '../kubelet/nodePower'
import { StatusError } from '../api/errors'
import { TestCluster } from './testCluster'

export type Action =
  | { kind: 'createSet'; replicas: number; parallel: boolean; claims: boolean; readinessProbe: boolean }
  | { kind: 'scale'; replicas: number }
  | { kind: 'deletePod'; ordinal: number; force: boolean }
  | { kind: 'deleteAllPods' }
  | { kind: 'deleteClaim'; ordinal: number }
  | { kind: 'deleteSet'; propagation: 'Background' | 'Foreground' | 'Orphan' }
  | { kind: 'advance'; ms: number }
  | { kind: 'setImage'; tag: '0.7' | '0.8' | '0.9' }
  | { kind: 'setPartition'; partition: number }
  | { kind: 'setStrategy'; type: 'RollingUpdate' | 'OnDelete' }
  | { kind: 'setRetention'; whenScaled: RetentionPolicy; whenDeleted: RetentionPolicy }
  | { kind: 'stopNode'; node: number }
  | { kind: 'startNode'; node: number }
  | { kind: 'cordon'; node: number; on: boolean }
  | {
      kind: 'createDeployment'
      replicas: number
      maxSurge: number
      maxUnavailable: number
      recreate: boolean
    }
  | { kind: 'scaleDeployment'; replicas: number }
  | { kind: 'setDeploymentImage'; tag: '0.7' | '0.8' | '0.9' }
  | { kind: 'deleteDeploymentPod'; index: number }
  | { kind: 'deleteDeployment'; propagation: 'Background' | 'Foreground' | 'Orphan' }

type RetentionPolicy = 'Retain' | 'Delete'
const retention = fc.constantFrom('Retain' as const, 'Delete' as const)

export const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('createSet' as const),
    replicas: fc.integer({ min: 0, max: 4 }),
    parallel: fc.boolean(),
    claims: fc.boolean(),
    readinessProbe: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant('deletePod' as const),
    ordinal: fc.integer({ min: 0, max: 4 }),
    force: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deleteAllPods' as const) }),
  fc.record({ kind: fc.constant('deleteClaim' as const), ordinal: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant('deleteSet' as const),
    propagation: fc.constantFrom('Background' as const, 'Foreground' as const, 'Orphan' as const),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    kind: fc.constant('setImage' as const),
    tag: fc.constantFrom('0.7' as const, '0.8' as const, '0.9' as const),
  }),
  fc.record({ kind: fc.constant('setPartition' as const), partition: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant('setStrategy' as const),
    type: fc.constantFrom('RollingUpdate' as const, 'OnDelete' as const),
  }),
  fc.record({ kind: fc.constant('setRetention' as const), whenScaled: retention, whenDeleted: retention }),
  fc.record({ kind: fc.constant('stopNode' as const), node: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('startNode' as const), node: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('cordon' as const), node: fc.integer({ min: 1, max: 3 }), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('createDeployment' as const),
    replicas: fc.integer({ min: 0, max: 4 }),
    maxSurge: fc.integer({ min: 0, max: 2 }),
    maxUnavailable: fc.integer({ min: 0, max: 2 }),
    recreate: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('scaleDeployment' as const), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    kind: fc.constant('setDeploymentImage' as const),
    tag: fc.constantFrom('0.7' as const, '0.8' as const, '0.9' as const),
  }),
  fc.record({ kind: fc.constant('deleteDeploymentPod' as const), index: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant('deleteDeployment' as const),
    propagation: fc.constantFrom('Background' as const, 'Foreground' as const, 'Orphan' as const),
  }),
)

export const sessionArbitrary = fc.array(actionArbitrary, { minLength: 1, maxLength: 12 })

function setManifest(a: Extract<Action, { kind: 'createSet' }>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: a.replicas,
      serviceName: 'nginx',
      podManagementPolicy: a.parallel ? 'Parallel' : 'OrderedReady',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.7',
              ports: [{ containerPort: 80, name: 'web' }],
              ...(a.readinessProbe ? { readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 2 } } : {}),
              ...(a.claims ? { volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] } : {}),
            },
          ],
        },
      },
      ...(a.claims
        ? {
            volumeClaimTemplates: [
              {
                metadata: { name: 'www' },
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
              },
            ],
          }
        : {}),
    },
  } as unknown as KubeObject
}

/** Applies one action as a user would; API errors (NotFound, AlreadyExists) are part of the game. */
export function perform(cluster: TestCluster, action: Action): void {
  const api = cluster.api
  try {
    switch (action.kind) {
      case 'createSet':
        api.create(setManifest(action))
        break
      case 'scale':
        updateSpec(cluster, () => ({ replicas: action.replicas }))
        break
      case 'setImage':
        updateSpec(cluster, (spec) => ({ template: withImage(spec.template, action.tag) }))
        break
      case 'setPartition':
        updateSpec(cluster, () => ({
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: action.partition } },
        }))
        break
      case 'setStrategy':
        updateSpec(cluster, () => ({
          updateStrategy:
            action.type === 'OnDelete'
              ? { type: 'OnDelete' }
              : { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        }))
        break
      case 'setRetention':
        updateSpec(cluster, () => ({
          persistentVolumeClaimRetentionPolicy: {
            whenScaled: action.whenScaled,
            whenDeleted: action.whenDeleted,
          },
        }))
        break
      case 'deletePod':
        api.delete('Pod', 'default', `web-${action.ordinal}`, action.force ? { gracePeriodSeconds: 0 } : {})
        break
      case 'deleteAllPods':
        for (const pod of cluster.pods()) api.delete('Pod', 'default', pod.metadata.name)
        break
      case 'deleteClaim':
        cluster.claimsDeletedByUser.add(`www-web-${action.ordinal}`)
        api.delete('PersistentVolumeClaim', 'default', `www-web-${action.ordinal}`)
        break
      case 'deleteSet':
        api.delete('StatefulSet', 'default', 'web', { propagationPolicy: action.propagation })
        break
      case 'stopNode':
        stopNode(cluster.sim, `node-${action.node}`)
        break
      case 'startNode':
        startNode(cluster.sim, `node-${action.node}`)
        break
      case 'cordon': {
        const node = api.get<Node>('Node', undefined, `node-${action.node}`)
        api.update({ ...node, spec: { ...node.spec, unschedulable: action.on || undefined } })
        break
      }
      case 'createDeployment':
        api.create(deploymentManifest(action))
        break
      case 'scaleDeployment':
        updateDeployment(cluster, () => ({ replicas: action.replicas }))
        break
      case 'setDeploymentImage':
        updateDeployment(cluster, (spec) => ({ template: withImage(spec.template, action.tag) }))
        break
      case 'deleteDeploymentPod': {
        const pod = deploymentPods(cluster)[action.index]
        if (pod) api.delete('Pod', 'default', pod.metadata.name)
        break
      }
      case 'deleteDeployment':
        api.delete('Deployment', 'default', DEPLOYMENT, { propagationPolicy: action.propagation })
        break
      case 'advance':
        cluster.run(action.ms)
        return
    }
  } catch (e) {
    if (!(e instanceof StatusError)) throw e
  }
  cluster.run(0)
}

/** The template with every container on nginx-slim:`tag` (what `kubectl set image` sends). */
function withImage<T extends StatefulSet['spec']['template']>(t: T, tag: string): T {
  const containers = t.spec.containers.map((c) => ({ ...c, image: `registry.k8s.io/nginx-slim:${tag}` }))
  return { ...t, spec: { ...t.spec, containers } }
}

/** A user's edit of the set's spec (as `kubectl edit` or `patch` would send it). */
function updateSpec(
  cluster: TestCluster,
  change: (spec: StatefulSet['spec']) => Partial<StatefulSet['spec']>,
): void {
  const set = cluster.api.get<StatefulSet>('StatefulSet', 'default', 'web')
  cluster.api.update({ ...set, spec: { ...set.spec, ...change(set.spec) } })
}

const DEPLOYMENT = 'app'

function deploymentManifest(a: Extract<Action, { kind: 'createDeployment' }>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: DEPLOYMENT, namespace: 'default' },
    spec: {
      replicas: a.replicas,
      selector: { matchLabels: { app: DEPLOYMENT } },
      // Both 0 is invalid (maxUnavailable may not be 0 when maxSurge is 0): the create fails, as a user's would.
      strategy: a.recreate
        ? { type: 'Recreate' }
        : {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: a.maxSurge, maxUnavailable: a.maxUnavailable },
          },
      template: {
        metadata: { labels: { app: DEPLOYMENT } },
        spec: {
          terminationGracePeriodSeconds: 5,
          containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }],
        },
      },
    },
  } as unknown as KubeObject
}

function updateDeployment(
  cluster: TestCluster,
  change: (spec: Deployment['spec']) => Partial<Deployment['spec']>,
): void {
  const d = cluster.api.get<Deployment>('Deployment', 'default', DEPLOYMENT)
  cluster.api.update({ ...d, spec: { ...d.spec, ...change(d.spec) } })
}

/** The Deployment's live pods, by name. */
function deploymentPods(cluster: TestCluster): Pod[] {
  return cluster.pods().filter((p) => p.metadata.labels?.app === DEPLOYMENT && !p.metadata.deletionTimestamp)
}

/** Runs a session; returns the cluster for further checks. Throws on the first invariant violation. */
export function runSession(actions: Action[], seed = 1): TestCluster {
  const cluster = new TestCluster({ seed })
  for (const action of actions) {
    perform(cluster, action)
    if (cluster.violations.length)
      throw new Error(`invariant violated after ${JSON.stringify(action)}: ${cluster.violations.join('; ')}`)
  }
  return cluster
}

/** After the user stops acting, a live set converges: every ordinal in range Running and Ready. */
export function checkConvergence(cluster: TestCluster): string | undefined {
  // A set on a lost node rightly does not converge: bring every node back first.
  for (const node of cluster.api.list<Node>('Node')) {
    startNode(cluster.sim, node.metadata.name)
    if (node.spec.unschedulable)
      cluster.api.update({ ...node, spec: { ...node.spec, unschedulable: undefined } })
  }
  cluster.run(10 * 60_000)
  if (cluster.violations.length) return cluster.violations.join('; ')
  return setConvergence(cluster) ?? deploymentConvergence(cluster)
}

/** A live Deployment converges: `replicas` Ready pods, all of its newest template, and a status that says so. */
function deploymentConvergence(cluster: TestCluster): string | undefined {
  const d = cluster.api.tryGet<Deployment>('Deployment', 'default', DEPLOYMENT)
  if (!d || d.metadata.deletionTimestamp) return undefined
  const replicas = d.spec.replicas ?? 1
  const newest = cluster.api
    .list<ReplicaSet>('ReplicaSet', 'default')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
    .sort((a, b) => revision(b) - revision(a))[0]
  const hash = newest?.metadata.labels?.['pod-template-hash']
  const pods = deploymentPods(cluster)
  const ready = cluster.readyPods()
  const fine = pods.filter(
    (p) => ready.includes(p.metadata.name) && p.metadata.labels?.['pod-template-hash'] === hash,
  )
  if (fine.length !== replicas || pods.length !== replicas)
    return `Deployment: expected ${replicas} Ready pods of ${newest?.metadata.name}, found ${pods.map((p) => p.metadata.name).join(',')} (${fine.length} fine)`
  const st = d.status
  if (
    (st?.updatedReplicas ?? 0) !== replicas ||
    (st?.availableReplicas ?? 0) !== replicas ||
    st?.observedGeneration !== d.metadata.generation
  )
    return `Deployment status ${JSON.stringify(st)} does not match ${replicas} replicas`
  return undefined
}

function revision(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)
}

/** A live StatefulSet converges: every ordinal in range Running and Ready, status to match, the rollout finished. */
function setConvergence(cluster: TestCluster): string | undefined {
  const set = cluster.api.tryGet<StatefulSet>('StatefulSet', 'default', 'web')
  if (!set || set.metadata.deletionTimestamp) return undefined
  const replicas = set.spec.replicas ?? 1
  const expected = Array.from({ length: replicas }, (_, i) => `web-${i}`)
  const ready = cluster
    .readyPods()
    .filter((n) => /^web-\d+$/.test(n))
    .sort()
  const owned = cluster
    .pods()
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid))
    .map((p) => p.metadata.name)
  if (JSON.stringify(ready.filter((n) => owned.includes(n))) !== JSON.stringify([...expected].sort())) {
    return `expected ${expected.join(',')} Ready, found ${ready.join(',')} (owned: ${owned.join(',')})`
  }
  // Once quiet, status counts match the pods (computeReplicaStatus).
  const status = set.status
  if (
    status?.replicas !== owned.length ||
    (status.readyReplicas ?? 0) !== replicas ||
    status.observedGeneration !== set.metadata.generation
  ) {
    return `status ${JSON.stringify(status)} does not match ${owned.length} pods, ${replicas} ready`
  }
  // A RollingUpdate finishes: every ordinal at or above the partition runs the update revision.
  const strategy = set.spec.updateStrategy
  if (strategy?.type === 'RollingUpdate') {
    const partition = strategy.rollingUpdate?.partition ?? 0
    const stale = cluster
      .pods()
      .filter((p) => Number(p.metadata.name.slice(4)) >= partition && owned.includes(p.metadata.name))
      .filter((p) => p.metadata.labels?.['controller-revision-hash'] !== status.updateRevision)
    if (stale.length)
      return `rollout did not finish: ${stale.map((p) => p.metadata.name).join(',')} not at ${status.updateRevision}`
  }
  return undefined
}
