// Direct actions on the inspected object. Each one runs the command a learner would type — so
// the console echoes it and the timeline records it like any other command.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { useActions, useApp } from '../../state/store'
import type { ObjectRef } from '../../state/inspect'
import { readinessFailureCommand } from '../../state/probeFault'
import {
  objectCommands,
  setImageCommand,
  setPartitionCommand,
  type DirectCommand,
} from '../../state/directCommands'

const FAIL_READINESS = 'Fail readiness probe'

/**
 * state/directCommands.ts labels each button in English (the label also keys the button);
 * these are its labels, translated (one it adds later shows in English until added here).
 */
const ACTION_WORDS = {
  'Delete pod': 'actions.deletePod',
  'Force delete': 'actions.forceDelete',
  'Scale −1': 'actions.scaleDown',
  'Scale +1': 'actions.scaleUp',
  Restart: 'actions.restart',
  'Undo rollout': 'actions.undo',
  'Use RollingUpdate': 'actions.useRollingUpdate',
  'Use OnDelete': 'actions.useOnDelete',
  'Delete claim': 'actions.deleteClaim',
  'Start node': 'actions.startNode',
  'Stop node': 'actions.stopNode',
  Uncordon: 'actions.uncordon',
  Cordon: 'actions.cordon',
  Drain: 'actions.drain',
  [FAIL_READINESS]: 'actions.failReadiness',
} as const

function actionWord(label: string, t: TFunction): string {
  const key = ACTION_WORDS[label as keyof typeof ACTION_WORDS]
  return key ? t(key) : label
}

export function DirectActions({ target }: { target: ObjectRef }) {
  const { runCommand } = useActions()
  const { t } = useTranslation()
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
  if (breakProbe) commands.push({ label: FAIL_READINESS, command: breakProbe })
  if (commands.length === 0 && !set) return null
  return (
    <div className="inspector__actions-wrap">
      {commands.length > 0 && (
        <div className="inspector__actions">
          {commands.map((b) => (
            <button key={b.label} type="button" title={b.command} onClick={() => runCommand(b.command)}>
              {actionWord(b.label, t)}
            </button>
          ))}
        </div>
      )}
      {set && (
        <div className="inspector__forms">
          <CommandForm
            key={`${target.namespace}/${target.name}/image/${set.spec.template.spec.containers[0]?.image}`}
            label={t('actions.image')}
            initial={set.spec.template.spec.containers[0]?.image ?? ''}
            button={t('actions.setImage')}
            command={(v) => setImageCommand(target, set, v)}
          />
          <CommandForm
            key={`${target.namespace}/${target.name}/partition/${set.spec.updateStrategy?.rollingUpdate?.partition ?? 0}`}
            label={t('actions.partition')}
            type="number"
            initial={String(set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)}
            button={t('actions.setPartition')}
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
