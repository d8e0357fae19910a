// Direct actions on the inspected object. Each one runs the command a learner would type — so
// the console echoes it and the timeline records it like any other command.
import { useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../state/store'
import type { ObjectRef } from '../../state/inspect'
import { readinessFailureCommand } from '../../state/probeFault'
import {
  objectCommands,
  setImageCommand,
  setPartitionCommand,
  type DirectCommand,
} from '../../state/directCommands'

export function DirectActions({ target }: { target: ObjectRef }) {
  const { runCommand } = useActions()
  const isTarget = (o: { metadata: { name: string; namespace?: string } }) =>
    o.metadata.name === target.name && (o.metadata.namespace ?? 'default') === (target.namespace ?? 'default')
  const set = useApp((s) =>
    target.kind === 'StatefulSet' ? s.snapshot.statefulSets.find(isTarget) : undefined,
  )
  const pod = useApp((s) => (target.kind === 'Pod' ? s.snapshot.pods.find(isTarget) : undefined))
  const node = useApp((s) =>
    target.kind === 'Node' ? s.snapshot.nodes.find((n) => n.metadata.name === target.name) : undefined,
  )
  const nodeStopped = useApp((s) => target.kind === 'Node' && s.snapshot.stoppedNodes.includes(target.name))
  const commands = objectCommands(target, { set, pod, node, nodeStopped })
  const breakProbe = pod ? readinessFailureCommand(pod) : undefined
  if (breakProbe) commands.push({ label: 'Fail readiness probe', command: breakProbe })
  if (commands.length === 0 && !set) return null
  return (
    <div className="inspector__actions-wrap">
      {commands.length > 0 && (
        <div className="inspector__actions">
          {commands.map((b) => (
            <button key={b.label} type="button" title={b.command} onClick={() => runCommand(b.command)}>
              {b.label}
            </button>
          ))}
        </div>
      )}
      {set && (
        <div className="inspector__forms">
          <CommandForm
            key={`${target.namespace}/${target.name}/image/${set.spec.template.spec.containers[0]?.image}`}
            label="Image"
            initial={set.spec.template.spec.containers[0]?.image ?? ''}
            button="Set image"
            command={(v) => setImageCommand(target, set, v)}
          />
          <CommandForm
            key={`${target.namespace}/${target.name}/partition/${set.spec.updateStrategy?.rollingUpdate?.partition ?? 0}`}
            label="Partition"
            type="number"
            initial={String(set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)}
            button="Set partition"
            command={(v) => setPartitionCommand(target, v)}
          />
        </div>
      )}
    </div>
  )
}

/** A labelled field and a button that runs the command built from the field's value. */
function CommandForm(props: {
  label: string
  initial: string
  button: string
  type?: 'text' | 'number'
  command: (value: string) => DirectCommand | undefined
}) {
  const { runCommand } = useActions()
  const [value, setValue] = useState(props.initial)
  const built = props.command(value.trim())
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (built) runCommand(built.command)
  }
  return (
    <form className="inspector__form" onSubmit={submit}>
      <label>
        <span>{props.label}</span>
        <input
          type={props.type ?? 'text'}
          min={props.type === 'number' ? 0 : undefined}
          value={value}
          spellCheck={false}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!built} title={built?.command}>
        {props.button}
      </button>
    </form>
  )
}
