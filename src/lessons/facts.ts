// Small questions lesson checks ask of the cluster and the console, named as a learner would say them.
import type { Pod, PersistentVolumeClaim } from '../sim/model'
import type { LessonContext, StepStart } from './lesson'
import type { ClusterSnapshot } from '../state/clusterSession'

export function podNamed(snapshot: ClusterSnapshot, name: string): Pod | undefined {
  return snapshot.pods.find((p) => p.metadata.name === name && p.metadata.namespace === 'default')
}

export function isReady(pod: Pod | undefined): boolean {
  return (
    !!pod &&
    !pod.metadata.deletionTimestamp &&
    pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true
  )
}

/** When the pod last became Ready (ms), if it is. */
export function readySince(pod: Pod | undefined): number | undefined {
  const c = pod?.status.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined
}

export function createdAt(pod: Pod): number {
  return Date.parse(pod.metadata.creationTimestamp ?? '')
}

/** Pods of the StatefulSet `set` (by the `<set>-<ordinal>` name), live or terminating. */
export function podsOfSet(snapshot: ClusterSnapshot, set: string): Pod[] {
  const pattern = new RegExp(`^${set}-\\d+$`)
  return snapshot.pods.filter((p) => pattern.test(p.metadata.name))
}

export function readyReplicas(snapshot: ClusterSnapshot, set: string): number {
  return podsOfSet(snapshot, set).filter(isReady).length
}

export function setExists(snapshot: ClusterSnapshot, set: string): boolean {
  return snapshot.statefulSets.some((s) => s.metadata.name === set)
}

export function claimNamed(snapshot: ClusterSnapshot, name: string): PersistentVolumeClaim | undefined {
  return snapshot.claims.find((c) => c.metadata.name === name)
}

export function isBound(claim: PersistentVolumeClaim | undefined): boolean {
  return claim?.status?.phase === 'Bound' && !!claim.spec.volumeName
}

/** The pod now runs as a new tenant of its slot: same name, another uid, Ready. */
export function recreated(ctx: LessonContext, start: StepStart, name: string): boolean {
  const before = podNamed(start.snapshot, name)
  const now = podNamed(ctx.snapshot, name)
  return !!before && !!now && now.metadata.uid !== before.metadata.uid && isReady(now)
}

/** The learner typed a command matching `pattern` since the step began. */
export function typed(ctx: LessonContext, start: StepStart, pattern: RegExp): boolean {
  return ctx.console.some((l) => l.id > start.consoleId && l.stream === 'in' && pattern.test(l.text))
}

/**
 * The console printed `text` in answer to a command matching `command`, both since the step began
 * (the output lines between that command and the next one).
 */
export function printedAfter(ctx: LessonContext, start: StepStart, command: RegExp, text: RegExp): boolean {
  let answering = false
  for (const line of ctx.console) {
    if (line.id <= start.consoleId) continue
    if (line.stream === 'in') answering = command.test(line.text)
    else if (answering && line.stream === 'out' && text.test(line.text)) return true
  }
  return false
}

/** The StatefulSet named `name` in the default namespace. */
export function statefulSetNamed(
  snapshot: ClusterSnapshot,
  name: string,
): ClusterSnapshot['statefulSets'][number] | undefined {
  return snapshot.statefulSets.find((s) => s.metadata.name === name && s.metadata.namespace === 'default')
}

/** The revision a pod was made from: its `controller-revision-hash` label. */
export function revisionOf(pod: Pod | undefined): string | undefined {
  return pod?.metadata.labels?.['controller-revision-hash']
}

/** Pods of the default namespace labelled `key=value`, live or terminating. */
export function podsLabelled(snapshot: ClusterSnapshot, key: string, value: string): Pod[] {
  return snapshot.pods.filter((p) => p.metadata.namespace === 'default' && p.metadata.labels?.[key] === value)
}

/** The cluster recorded an event `reason` about the object named `name`. */
export function hasEvent(snapshot: ClusterSnapshot, name: string, reason: string): boolean {
  return snapshot.events.some((e) => e.involvedObject.name === name && e.reason === reason)
}

/** Nothing left in the default namespace from a StatefulSet `set` built from `template`: no set, pods or claims. */
export function cleanedUp(snapshot: ClusterSnapshot, set: string, template: string): boolean {
  const claimPattern = new RegExp(`^${template}-${set}-\\d+$`)
  return (
    !setExists(snapshot, set) &&
    podsOfSet(snapshot, set).length === 0 &&
    !snapshot.claims.some((c) => claimPattern.test(c.metadata.name))
  )
}
