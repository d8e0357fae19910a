// kubectl exec (pkg/cmd/exec): runs a command in a running container and relays its output;
// a non-zero exit prints `command terminated with exit code N` and becomes kubectl's exit code.
import type { Container, Pod } from '../../sim/model'
import { notFound, StatusError } from '../../sim/api/errors'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError, TTY_WARNING, UsageError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'pod-running-timeout', type: 'string' },
]

export function exec(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args, rest } = parseFlags(argv, FLAGS)
  const podName = args[0]?.replace(/^(pods?|po)\//, '')
  if (!podName) throw new KubectlError('pod, type/name or --filename must be specified')
  if (!rest && args.length > 1)
    throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead')
  const command = rest ?? []
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container')
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  const pod = env.sim.ctx.api.tryGet<Pod>('Pod', namespace, podName)
  if (!pod) {
    env.err(errorText(notFound('pods', podName)) + '\n')
    return 1
  }
  const container = pickContainer(pod, flags.container as string | undefined, env)
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
    throw new KubectlError(
      `cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`,
    )
  }
  const status = pod.status.containerStatuses?.find((s) => s.name === container.name)
  if (!status?.state.running)
    throw new KubectlError(`unable to upgrade connection: container not found ("${container.name}")`)
  if (flags.tty && !env.terminal) env.err(TTY_WARNING)
  const runtime = env.sim.containerRuntime
  if (!runtime) throw new KubectlError('unable to upgrade connection: no container runtime')
  const result = runtime.exec(pod, container, command, flags.stdin ? (env.stdin ?? '') : '')
  env.out(result.stdout)
  env.err(result.stderr)
  if (result.startFailed) return 1
  if (result.exitCode !== 0) {
    env.err(`command terminated with exit code ${result.exitCode}\n`)
    return result.exitCode
  }
  return 0
}

/** -c, or the default container (announced when the pod has several, as kubectl does). */
export function pickContainer(pod: Pod, name: string | undefined, env: KubectlEnv): Container {
  const containers = pod.spec.containers
  if (name) {
    const c = containers.find((x) => x.name === name)
    if (!c) throw new StatusError('BadRequest', `container ${name} is not valid for pod ${pod.metadata.name}`)
    return c
  }
  const first = containers[0]!
  if (containers.length > 1) {
    env.err(`Defaulted container "${first.name}" out of: ${containers.map((c) => c.name).join(', ')}\n`)
  }
  return first
}
