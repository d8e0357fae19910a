// kubectl run (pkg/cmd/run): creates a pod `NAME` (label run=NAME) from an image and, with -i,
// waits for it, relays its output, and with --rm deletes it afterwards. Without -i it prints
// `pod/NAME created`. A pod that fails ends with `pod NS/NAME terminated (Reason)` and its code.
import type { Pod } from '../../sim/model'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError, TTY_WARNING, UsageError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { deletedLine } from './delete'

const FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'command', type: 'bool' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'env', type: 'strings' },
  { name: 'port', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
]

export function run(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args, rest } = parseFlags(argv, FLAGS)
  const name = args[0]
  const image = flags.image as string | undefined
  if (!image) throw new KubectlError('required flag(s) "image" not set')
  if (!name) throw new UsageError('NAME is required for run')
  const restart = flags.restart as string
  if (!['Always', 'OnFailure', 'Never'].includes(restart))
    throw new KubectlError(`invalid restart policy: ${restart}`)
  const attach = !!flags.stdin || !!flags.attach
  if (flags.rm && !attach) throw new UsageError('--rm should only be used for attached containers')
  if (flags.tty && !flags.stdin)
    throw new UsageError('-i/--stdin is required for containers with -t/--tty=true')
  const command = [...args.slice(1), ...(rest ?? [])]
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  const labels = flags.labels
    ? Object.fromEntries((flags.labels as string).split(',').map((kv) => kv.split('=') as [string, string]))
    : { run: name }
  const envVars = ((flags.env as string[] | undefined) ?? []).map((kv) => {
    const i = kv.indexOf('=')
    return { name: kv.slice(0, i), value: kv.slice(i + 1) }
  })
  const container = {
    name,
    image,
    ...(command.length ? (flags.command ? { command } : { args: command }) : {}),
    ...(envVars.length ? { env: envVars } : {}),
    ...(flags.port ? { ports: [{ containerPort: Number(flags.port) }] } : {}),
    ...(flags['image-pull-policy'] ? { imagePullPolicy: flags['image-pull-policy'] } : {}),
    ...(flags.stdin ? { stdin: true, stdinOnce: true } : {}),
    ...(flags.tty ? { tty: true } : {}),
    resources: {},
  }
  const api = env.sim.ctx.api
  let pod: Pod
  try {
    pod = api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels },
      spec: { containers: [container], restartPolicy: restart as Pod['spec']['restartPolicy'] },
    } as unknown as Pod)
  } catch (e) {
    env.err(errorText(e) + '\n')
    return 1
  }
  if (!attach) {
    env.out(`pod/${name} created\n`)
    return 0
  }
  if (flags.tty && !env.terminal) env.err(TTY_WARNING)
  else if (flags.tty) env.err("If you don't see a command prompt, try pressing enter.\n")
  const current = () => api.tryGet<Pod>('Pod', namespace, name)
  const finished = () => {
    const p = current()
    return (
      !p ||
      p.metadata.uid !== pod.metadata.uid ||
      p.status.phase === 'Succeeded' ||
      p.status.phase === 'Failed'
    )
  }
  return {
    poll: finished,
    finish: (reason) => {
      const p = current()
      const runtime = env.sim.containerRuntime
      if (p && runtime) env.out(runtime.containerLogs(p, name))
      let code = reason === 'done' ? 0 : 1
      // --rm deletes the pod (deferred in run.go) before the failure is reported.
      if (flags.rm && p) {
        api.delete('Pod', namespace, name)
        env.out(deletedLine(p, false))
      }
      const terminated = p?.status.containerStatuses?.[0]?.state.terminated
      if (p?.status.phase === 'Failed' && terminated) {
        env.err(
          `pod ${namespace}/${name} terminated (${terminated.reason ?? 'Error'})\n${terminated.message ? terminated.message + '\n' : ''}`,
        )
        code = terminated.exitCode
      }
      return code
    },
  }
}
