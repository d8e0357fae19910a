// The node lifecycle controller's taint writing (pkg/controller/util/node SwapNodeControllerTaint,
// pkg/controller AddOrUpdateTaintOnNode / RemoveTaintOffNode, and doNoScheduleTaintingPass): the
// NoSchedule taints a node's conditions and cordon call for, and the swap of controller taints.
import type { Node, Taint } from '../../model'
import type { SimContext } from '../../simContext'
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
  matchTaint,
} from './taints'

/** nodeConditionToTaintKeyStatusMap: which condition status calls for which taint key. */
const CONDITION_TAINTS: Record<string, Partial<Record<string, string>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
}

const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)))

/** The NoSchedule taints the node's conditions and spec.unschedulable call for. */
export function desiredNoScheduleTaints(node: Node): Taint[] {
  const taints: Taint[] = []
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status]
    if (key) taints.push({ key, effect: 'NoSchedule' })
  }
  if (node.spec?.unschedulable) taints.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' })
  return taints
}

/** The node's NoSchedule taints this controller manages (condition taints and cordon's). */
export function managedNoScheduleTaints(node: Node): Taint[] {
  return (node.spec.taints ?? []).filter(
    (t) =>
      t.effect === 'NoSchedule' && (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  )
}

/** Taints in `a` with no taint of the same key and effect in `b` (TaintSetDiff, one side). */
export function taintsMissing(a: readonly Taint[], b: readonly Taint[]): Taint[] {
  return a.filter((t) => !b.some((x) => matchTaint(x, t)))
}

/**
 * SwapNodeControllerTaint: adds `add` (stamped with timeAdded; an existing taint of the same key
 * and effect is replaced) and removes `remove` on the current node. Returns whether it wrote.
 */
export function swapNodeTaints(
  ctx: SimContext,
  name: string,
  add: readonly Taint[],
  remove: readonly Taint[],
): boolean {
  const node = ctx.store.get<Node>('Node', undefined, name)
  if (!node) return false
  const now = ctx.api.now()
  let taints = [...(node.spec.taints ?? [])]
  let changed = false
  for (const t of add) {
    const i = taints.findIndex((x) => matchTaint(x, t))
    if (i >= 0 && (taints[i]!.value ?? '') === (t.value ?? '')) continue
    const stamped: Taint = { ...t, timeAdded: now }
    if (i >= 0) taints[i] = stamped
    else taints.push(stamped)
    changed = true
  }
  const kept = taints.filter((x) => !remove.some((t) => matchTaint(x, t)))
  if (kept.length !== taints.length) changed = true
  taints = kept
  if (!changed) return false
  const { taints: _old, ...rest } = node.spec
  ctx.api.update<Node>({ ...node, spec: taints.length ? { ...rest, taints } : rest })
  return true
}
