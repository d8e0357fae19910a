// Direct actions on the inspected object. Each one runs the kubectl command a learner would
// type — so the console echoes it and the timeline records it like any other command.
import { useActions, useApp } from '../../state/store'
import type { ObjectRef } from '../../state/inspect'
import { readinessFailureCommand } from '../../state/probeFault'

export function DirectActions({ target }: { target: ObjectRef }) {
  const { runCommand } = useActions()
  const replicas = useApp(
    (s) => s.snapshot.statefulSets.find((x) => x.metadata.name === target.name)?.spec.replicas ?? 1,
  )
  const pod = useApp((s) =>
    target.kind === 'Pod' ? s.snapshot.pods.find((p) => p.metadata.name === target.name) : undefined,
  )
  const breakProbe = pod ? readinessFailureCommand(pod) : undefined
  const ns = target.namespace && target.namespace !== 'default' ? ` -n ${target.namespace}` : ''
  const buttons: { label: string; command: string }[] = []
  if (target.kind === 'Pod')
    buttons.push({ label: 'Delete pod', command: `kubectl delete pod ${target.name}${ns}` })
  if (breakProbe) buttons.push({ label: 'Fail readiness probe', command: breakProbe })
  if (target.kind === 'StatefulSet') {
    buttons.push({
      label: 'Scale −1',
      command: `kubectl scale statefulset ${target.name} --replicas=${Math.max(0, replicas - 1)}${ns}`,
    })
    buttons.push({
      label: 'Scale +1',
      command: `kubectl scale statefulset ${target.name} --replicas=${replicas + 1}${ns}`,
    })
  }
  if (target.kind === 'PersistentVolumeClaim')
    buttons.push({ label: 'Delete claim', command: `kubectl delete pvc ${target.name} --wait=false${ns}` })
  if (buttons.length === 0) return null
  return (
    <div className="inspector__actions">
      {buttons.map((b) => (
        <button key={b.label} type="button" title={b.command} onClick={() => runCommand(b.command)}>
          {b.label}
        </button>
      ))}
    </div>
  )
}
