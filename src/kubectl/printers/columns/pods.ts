// printers.go printPod and podColumnDefinitions: READY, the STATUS reason rules (init containers,
// waiting/terminated reasons, Completed-while-running, Terminating/Unknown) and RESTARTS `3 (2m ago)`.
import type { Container, ContainerStatus, KubeObject, Pod } from '../../../sim/model'
import { ageOf, parseTimestamp, translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'

// Fields the API has that Ordinal's model does not (yet); read defensively.
type InitContainer = Container & { restartPolicy?: string }
type PodSpecX = Omit<Pod['spec'], 'initContainers'> & {
  initContainers?: InitContainer[]
  readinessGates?: { conditionType: string }[]
}
type PodStatusX = Pod['status'] & { initContainerStatuses?: ContainerStatus[]; nominatedNodeName?: string }

/** The kubelet's status.reason for pods on an unreachable node (node.NodeUnreachablePodReason). */
const NODE_LOST = 'NodeLost'

export const podTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    AGE,
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row: (obj: KubeObject, nowMs: number) => podRow(obj as Pod, nowMs),
}

function finishedAt(s: ContainerStatus): number | undefined {
  return parseTimestamp(s.lastState?.terminated?.finishedAt)
}

const later = (a: number | undefined, b: number | undefined) =>
  b !== undefined && (a === undefined || a < b) ? b : a

function podRow(pod: Pod, nowMs: number): string[] {
  const spec = pod.spec as PodSpecX
  const status = (pod.status ?? {}) as PodStatusX
  const phase = status.phase ?? ''
  let reason: string = status.reason || phase
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = spec.containers.length
  let readyContainers = 0
  let lastRestart: number | undefined
  let lastRestartableInitRestart: number | undefined

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }

  const initContainers = new Map((spec.initContainers ?? []).map((c) => [c.name, c]))
  const restartable = (name: string) => initContainers.get(name)?.restartPolicy === 'Always'
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!
    restarts += c.restartCount
    lastRestart = later(lastRestart, finishedAt(c))
    if (restartable(c.name)) {
      restartableInitRestarts += c.restartCount
      lastRestartableInitRestart = later(lastRestartableInitRestart, finishedAt(c))
    }
    const term = c.state?.terminated
    const wait = c.state?.waiting
    if (term && term.exitCode === 0) continue
    if (restartable(c.name) && c.started) {
      if (c.ready) readyContainers++
      continue
    }
    if (term) {
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode}`
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`
    }
    initializing = true
    break
  }

  if (!initializing || isConditionTrue(pod, 'Initialized')) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      restarts += c.restartCount
      lastRestart = later(lastRestart, finishedAt(c))
      const term = c.state?.terminated
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (term?.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // A completed container next to a running one: the pod is still Running (or NotReady).
    if (reason === 'Completed' && hasRunning) reason = hasReadyCondition(pod) ? 'Running' : 'NotReady'
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_LOST) reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded')
    reason = 'Terminating'

  let restartsCell = String(restarts)
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${ageOf(lastRestart, nowMs)} ago)`
  }

  return [
    pod.metadata.name,
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
    status.podIPs?.[0]?.ip || '<none>',
    spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    readinessGates(spec, status),
  ]
}

function readinessGates(spec: PodSpecX, status: PodStatusX): string {
  const gates = spec.readinessGates ?? []
  if (gates.length === 0) return '<none>'
  const trueCount = gates.filter(
    (g) => status.conditions?.find((c) => c.type === g.conditionType)?.status === 'True',
  ).length
  return `${trueCount}/${gates.length}`
}

/** isPodInitializedConditionTrue: the first condition of that type decides. */
function isConditionTrue(pod: Pod, type: string): boolean {
  return pod.status?.conditions?.find((c) => c.type === type)?.status === 'True'
}

/** hasPodReadyCondition: any Ready condition with status True. */
function hasReadyCondition(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}
