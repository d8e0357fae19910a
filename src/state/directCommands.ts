// The commands behind the inspector's direct actions: what a learner would type for each object,
// so a click is echoed in the console and recorded on the timeline like any typed command.
import type { Node, Pod, StatefulSet } from '../sim/model'
import type { ObjectRef } from './inspect'

export interface DirectCommand {
  readonly label: string
  readonly command: string
}

interface Live {
  readonly set?: StatefulSet
  readonly pod?: Pod
  readonly node?: Node
  /** The node's kubelet is stopped (paused). */
  readonly nodeStopped?: boolean
}

/** ` -n ns` for objects outside the default namespace. */
function nsFlag(target: ObjectRef): string {
  return target.namespace && target.namespace !== 'default' ? ` -n ${target.namespace}` : ''
}

/** The buttons for one object (forms for image and partition are built separately). */
export function objectCommands(target: ObjectRef, live: Live): DirectCommand[] {
  const ns = nsFlag(target)
  const name = target.name
  switch (target.kind) {
    case 'Pod':
      return [
        { label: 'Delete pod', command: `kubectl delete pod ${name}${ns}` },
        { label: 'Force delete', command: `kubectl delete pod ${name} --grace-period=0 --force${ns}` },
      ]
    case 'StatefulSet': {
      const replicas = live.set?.spec.replicas ?? 1
      return [
        {
          label: 'Scale −1',
          command: `kubectl scale statefulset ${name} --replicas=${Math.max(0, replicas - 1)}${ns}`,
        },
        { label: 'Scale +1', command: `kubectl scale statefulset ${name} --replicas=${replicas + 1}${ns}` },
        { label: 'Restart', command: `kubectl rollout restart statefulset/${name}${ns}` },
        { label: 'Undo rollout', command: `kubectl rollout undo statefulset/${name}${ns}` },
        live.set?.spec.updateStrategy?.type === 'OnDelete'
          ? {
              label: 'Use RollingUpdate',
              command: `kubectl patch statefulset ${name}${ns} -p '{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}'`,
            }
          : {
              // The working form of the patch: without "rollingUpdate": null it is rejected (§8.11).
              label: 'Use OnDelete',
              command: `kubectl patch statefulset ${name}${ns} -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`,
            },
      ]
    }
    case 'PersistentVolumeClaim':
      return [{ label: 'Delete claim', command: `kubectl delete pvc ${name} --wait=false${ns}` }]
    case 'Node':
      return [
        // kind's nodes are containers: pausing one is how a node fails there.
        live.nodeStopped
          ? { label: 'Start node', command: `docker unpause ${name}` }
          : { label: 'Stop node', command: `docker pause ${name}` },
        live.node?.spec.unschedulable
          ? { label: 'Uncordon', command: `kubectl uncordon ${name}` }
          : { label: 'Cordon', command: `kubectl cordon ${name}` },
        { label: 'Drain', command: `kubectl drain ${name} --ignore-daemonsets --delete-emptydir-data` },
      ]
    default:
      return []
  }
}

const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/

/** `kubectl set image` for the set's first container; undefined when `image` is not a plain reference. */
export function setImageCommand(
  target: ObjectRef,
  set: StatefulSet,
  image: string,
): DirectCommand | undefined {
  const container = set.spec.template.spec.containers[0]?.name
  if (!container || !IMAGE_REFERENCE.test(image)) return undefined
  return {
    label: 'Set image',
    command: `kubectl set image statefulset/${target.name} ${container}=${image}${nsFlag(target)}`,
  }
}

/** The tutorial's partition patch; undefined unless `value` is a whole number ≥ 0. */
export function setPartitionCommand(target: ObjectRef, value: string): DirectCommand | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined
  return {
    label: 'Set partition',
    command: `kubectl patch statefulset ${target.name}${nsFlag(target)} -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":${Number(value)}}}}}'`,
  }
}
