// Builders for the pod status the kubelet reports (pkg/kubelet/status and
// kubelet_pods.go generateAPIPodStatus, simplified): conditions in the order `kubectl describe`
// shows them, container statuses, and the phase derived from the containers.
import type { Condition, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from '../model'

export function setCondition(conditions: Condition[] | undefined, next: Condition): Condition[] {
  const list = [...(conditions ?? [])]
  const i = list.findIndex((c) => c.type === next.type)
  if (i >= 0) {
    const prev = list[i]!
    // lastTransitionTime only moves when the status flips.
    list[i] = prev.status === next.status ? { ...next, lastTransitionTime: prev.lastTransitionTime } : next
  } else list.push(next)
  return sortConditions(list)
}

const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

/** The kubelet's conditions in their order; conditions other components own (DisruptionTarget) follow. */
function sortConditions(list: Condition[]): Condition[] {
  const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length)
  return list.sort((a, b) => rank(a.type) - rank(b.type))
}

export function condition(
  type: string,
  ok: boolean,
  now: string,
  reason?: string,
  message?: string,
): Condition {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: now,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  }
}

/** Ready and ContainersReady from the containers' readiness, with the kubelet's reason texts. */
export function readinessConditions(status: PodStatus, now: string, terminal = false): Condition[] {
  const statuses = status.containerStatuses ?? []
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name)
  let conditions = status.conditions
  if (terminal || unready.length > 0) {
    const reason = terminal ? 'PodCompleted' : 'ContainersNotReady'
    const message = terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`
    conditions = setCondition(conditions, condition('Ready', false, now, reason, message))
    conditions = setCondition(conditions, condition('ContainersReady', false, now, reason, message))
  } else {
    conditions = setCondition(conditions, condition('Ready', true, now))
    conditions = setCondition(conditions, condition('ContainersReady', true, now))
  }
  return conditions
}

export function waitingStatus(
  name: string,
  image: string,
  reason: string,
  prev?: ContainerStatus,
  message?: string,
): ContainerStatus {
  return {
    name,
    image,
    imageID: prev?.imageID ?? '',
    ...(prev?.containerID ? { containerID: prev.containerID } : {}),
    ready: false,
    started: false,
    restartCount: prev?.restartCount ?? 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
    lastState: prev?.lastState ?? {},
  }
}

/** The phase from container states (getPhase): any running → Running; all exited → Succeeded/Failed. */
export function podPhase(pod: Pod, statuses: ContainerStatus[]): PodPhase {
  const states: ContainerState[] = statuses.map((s) => s.state)
  if (states.some((s) => s.running)) return 'Running'
  const restart = pod.spec.restartPolicy ?? 'Always'
  // A container waiting to restart after it ran (CrashLoopBackOff) counts as stopped, not pending.
  const restarting = statuses.some((s) => s.state.waiting && s.lastState.terminated)
  if (restarting && restart !== 'Never') return 'Running'
  if (states.length > 0 && states.every((s) => s.terminated)) {
    if (restart === 'Always') return 'Running'
    const failed = states.some((s) => (s.terminated?.exitCode ?? 0) !== 0)
    if (restart === 'OnFailure' && failed) return 'Running'
    return failed ? 'Failed' : 'Succeeded'
  }
  if (states.some((s) => s.terminated) && restart === 'Always') return 'Running'
  return 'Pending'
}

/** A containerd-style 64-hex container id from two rng words per 8 chars. */
export function containerId(next: () => number): string {
  let id = ''
  for (let i = 0; i < 8; i++) id += (next() >>> 0).toString(16).padStart(8, '0')
  return `containerd://${id}`
}
