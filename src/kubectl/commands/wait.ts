// kubectl wait (pkg/cmd/wait): --for=condition=C[=value], --for=delete, --for=jsonpath='{…}'=V;
// prints `<kind>/<name> condition met` per object as it happens; default timeout 30s.
import type { KubeObject } from '../../sim/model'
import { kindInfo, qualifiedSingular } from '../../sim/model/kinds'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { parseDuration, selectObjects } from '../select'

const FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'field-selector', type: 'string' },
]

export function wait(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const forText = flags.for as string | undefined
  if (!forText) throw new KubectlError('--for must be set')
  const test = parseFor(forText)
  const targets = parseResourceArgs(args)
  if (targets.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified')
  const { objects, errors } = selectObjects(env.sim.ctx.api, targets, {
    namespace: (flags.namespace as string | undefined) ?? 'default',
    allNamespaces: flags['all-namespaces'] as boolean,
    labelSelector: flags.selector as string | undefined,
  })
  if (errors.length && test.kind !== 'delete') {
    env.err(errorText(errors[0]) + '\n')
    return 1
  }
  if (objects.length === 0) {
    if (test.kind === 'delete') return 0
    throw new KubectlError('no matching resources found')
  }
  const store = env.sim.ctx.store
  const pending = new Set(objects)
  const ref = (o: KubeObject) => `${qualifiedSingular(kindInfo(o.kind)!)}/${o.metadata.name}`
  const check = (): boolean => {
    for (const o of [...pending]) {
      const current = store.get<KubeObject>(o.kind, o.metadata.namespace, o.metadata.name)
      const met =
        test.kind === 'delete'
          ? !current || current.metadata.uid !== o.metadata.uid
          : !!current && current.metadata.uid === o.metadata.uid && test.met(current)
      if (met) {
        env.out(`${ref(o)} condition met\n`)
        pending.delete(o)
      }
    }
    return pending.size === 0
  }
  const timeout = parseDuration(flags.timeout as string)
  if (check() || timeout === 0) return pending.size === 0 ? 0 : timeoutError(env, [...pending][0]!)
  return {
    poll: check,
    timeoutMs: timeout,
    finish: (reason) => (reason === 'done' ? 0 : timeoutError(env, [...pending][0]!)),
  }
}

function timeoutError(env: KubectlEnv, o: KubeObject): number {
  env.err(`error: timed out waiting for the condition on ${o.kind.toLowerCase()}s/${o.metadata.name}\n`)
  return 1
}

type ForTest = { kind: 'delete' } | { kind: 'condition' | 'jsonpath'; met: (o: KubeObject) => boolean }

function parseFor(text: string): ForTest {
  if (text.toLowerCase() === 'delete') return { kind: 'delete' }
  const cond = /^condition=([^=]+)(?:=(.*))?$/i.exec(text)
  if (cond) {
    const [, type, value = 'True'] = cond as unknown as [string, string, string | undefined]
    return {
      kind: 'condition',
      met: (o) =>
        (
          (o as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []
        ).some(
          (c) =>
            c.type.toLowerCase() === type.toLowerCase() &&
            c.status.toLowerCase() === (value ?? 'True').toLowerCase(),
        ),
    }
  }
  const jp = /^jsonpath=\{\.?([^}]*)\}=(.*)$/.exec(text)
  if (jp) {
    const [, path, value] = jp as unknown as [string, string, string]
    return {
      kind: 'jsonpath',
      met: (o) =>
        String(
          path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o),
        ) === value.replace(/^['"]|['"]$/g, ''),
    }
  }
  throw new KubectlError(`unrecognized condition: "${text}"`)
}
