// Stopping and starting a node — the engine operation behind "a node fails". A stopped node is
// frozen, as `docker pause` freezes a kind node: its kubelet neither renews its Lease nor posts
// status, and its containers keep whatever state they had but nothing about them is reported or
// acted on. Starting it again resumes the kubelet (see Kubelet.resume).
//
// The kubelet renews its node Lease every 10 s (renewInterval = 0.25 × leaseDurationSeconds 40).
// Renewals are not written as Lease objects (they would change the cluster every 10 s); the node
// lifecycle controller reads the last renewal time from here, as it reads the Lease in Kubernetes.
import type { KubeObject, Node } from '../model'
import type { SimContext } from '../simContext'
import { timestamp } from '../runtime/time'

export const LEASE_DURATION_SECONDS = 40
export const LEASE_RENEW_INTERVAL_MS = 10_000

interface NodeAgent {
  /** When the node was stopped; undefined while it runs. */
  readonly stoppedAt?: number
  /** A time the kubelet renewed its Lease; renewals follow every LEASE_RENEW_INTERVAL_MS. */
  readonly renewedAt: number
}

function agents(ctx: SimContext): Map<string, NodeAgent> {
  return ctx.state.get('kubelet.nodes', () => new Map<string, NodeAgent>())
}

function agentOf(ctx: SimContext, name: string): NodeAgent {
  return agents(ctx).get(name) ?? { renewedAt: renewalPhase(name) }
}

/** A fixed per-node offset (whole seconds) so the nodes do not renew in the same millisecond. */
function renewalPhase(name: string): number {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  return (h % 10) * 1000
}

export function isNodeStopped(ctx: SimContext, name: string): boolean {
  return agentOf(ctx, name).stoppedAt !== undefined
}

/** Names of the stopped nodes. */
export function stoppedNodes(ctx: SimContext): string[] {
  return [...agents(ctx)].filter(([, a]) => a.stoppedAt !== undefined).map(([n]) => n)
}

/** The Lease's renewTime (simulated ms) as of `now`: the last renewal before the node stopped, if it did. */
export function lastLeaseRenewal(ctx: SimContext, name: string, now: number): number {
  const a = agentOf(ctx, name)
  const until = a.stoppedAt ?? now
  return a.renewedAt + Math.floor((until - a.renewedAt) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS
}

/**
 * Stops `name`: from now on its kubelet does nothing and renews nothing. Returns false when it
 * was already stopped; throws when there is no such Node.
 */
export function stopNode(sim: { readonly ctx: SimContext }, name: string): boolean {
  const ctx = sim.ctx
  requireNode(ctx, name)
  const a = agentOf(ctx, name)
  if (a.stoppedAt !== undefined) return false
  agents(ctx).set(name, { ...a, stoppedAt: ctx.queue.now })
  return true
}

/**
 * Starts a stopped node: its kubelet renews the Lease at once, posts node status and catches up
 * with its pods (Kubelet.resume). Returns false when it was running.
 */
export function startNode(sim: { readonly ctx: SimContext }, name: string): boolean {
  const ctx = sim.ctx
  requireNode(ctx, name)
  if (!isNodeStopped(ctx, name)) return false
  agents(ctx).set(name, { renewedAt: ctx.queue.now })
  ctx.schedule(0, 'kubelet.resume', name, name)
  return true
}

function requireNode(ctx: SimContext, name: string): void {
  if (!ctx.store.get<Node>('Node', undefined, name)) throw new Error(`node "${name}" not found`)
}

/** The node's Lease in kube-node-lease as the API would return it (for `kubectl describe node`). */
export function nodeLease(ctx: SimContext, name: string): KubeObject & { spec: Record<string, unknown> } {
  const renew = lastLeaseRenewal(ctx, name, ctx.queue.now)
  const node = ctx.store.get<Node>('Node', undefined, name)
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      uid: '',
      resourceVersion: '',
      creationTimestamp: node?.metadata.creationTimestamp ?? '',
    },
    spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: timestamp(renew) },
  }
}
