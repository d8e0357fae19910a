// kubectl logs (pkg/cmd/logs): a container's output so far. (-f follows nothing: the simulated
// processes write their output when they start.)
import type { Pod } from '../../sim/model'
import { notFound, StatusError } from '../../sim/api/errors'
import type { CommandOutcome, KubectlEnv } from '../env'
import { UsageError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { pickContainer } from './exec'

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
]

export function logs(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const podName = args[0]?.replace(/^(pods?|po)\//, '')
  if (!podName)
    throw new UsageError(
      "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
    )
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  const pod = env.sim.ctx.api.tryGet<Pod>('Pod', namespace, podName)
  if (!pod) throw notFound('pods', podName)
  const container = pickContainer(pod, (flags.container as string | undefined) ?? args[1], env)
  const status = pod.status.containerStatuses?.find((s) => s.name === container.name)
  const waiting = status?.state.waiting
  if (!status || (waiting && status.restartCount === 0)) {
    throw new StatusError(
      'BadRequest',
      `container "${container.name}" in pod "${pod.metadata.name}" is waiting to start: ${waiting?.reason ?? 'ContainerCreating'}`,
    )
  }
  let text = env.sim.containerRuntime?.containerLogs(pod, container.name) ?? ''
  const tail = flags.tail as number
  if (tail >= 0)
    text = text
      .split('\n')
      .filter((_, i, a) => i < a.length - 1 || a[i] !== '')
      .slice(-tail)
      .map((l) => l + '\n')
      .join('')
  env.out(text)
  return 0
}
