// kubectl drain (pkg/cmd/drain RunDrain and deleteOrEvictPodsSimple; pkg/drain/drain.go
// evictPods, deletePods and waitForDelete): cordons the nodes, then for each node in turn evicts
// its pods through the Eviction API (or deletes them with --disable-eviction) and waits until they
// are gone, printing `evicting pod ns/name`, `pod/name evicted` and `node/name drained`. A node
// whose pods cannot all be removed is reported and the command goes on with the next one; it
// fails at the end. Simplifications: no PodDisruptionBudgets (an eviction is never refused), and
// a pod's removal is reported as soon as it happens rather than at kubectl's next 1 s poll.
import type { Node, Pod } from '../../sim/model'
import { StatusError } from '../../sim/api/errors'
import { evictPod } from '../../sim/api/eviction'
import type { CommandOutcome, Continuation, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { parseDuration } from '../select'
import { parseLabelSelector } from '../selectors'
import { type DryRun, dryRunOf, dryRunSuffix, nodesOf, setUnschedulable } from './cordon'
import { type DrainFilterOptions, deletedLongAgo, podsForDeletion } from './drainFilters'

const FLAGS: FlagSpec[] = [
  { name: 'force', type: 'bool' },
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'dry-run', type: 'string', default: 'none' },
]

interface DrainOptions extends DrainFilterOptions {
  gracePeriodSeconds: number
  timeoutMs: number
  disableEviction: boolean
  dryRun: DryRun
}

export function drain(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args, given } = parseFlags(argv, FLAGS)
  if (given.has('delete-local-data'))
    env.err(
      'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n',
    )
  const nodes = nodesOf(env, 'drain', args, flags, given.has('selector'))
  const podSelector = flags['pod-selector'] as string | undefined
  if (podSelector) {
    try {
      parseLabelSelector(podSelector)
    } catch {
      throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector')
    }
  }
  let timeoutMs: number
  try {
    timeoutMs = parseDuration(flags.timeout as string)
  } catch (e) {
    throw new KubectlError(
      `invalid argument "${flags.timeout}" for "--timeout" flag: ${(e as Error).message}`,
    )
  }
  const opts: DrainOptions = {
    force: !!flags.force,
    ignoreDaemonSets: !!flags['ignore-daemonsets'],
    deleteEmptyDirData: !!(flags['delete-emptydir-data'] || flags['delete-local-data']),
    skipWaitForDeleteTimeoutSeconds: flags['skip-wait-for-delete-timeout'] as number,
    ...(podSelector ? { podSelector } : {}),
    gracePeriodSeconds: flags['grace-period'] as number,
    timeoutMs,
    disableEviction: !!flags['disable-eviction'],
    dryRun: dryRunOf(flags),
  }
  setUnschedulable(env, nodes, true, opts.dryRun)
  return new Drainer(env, nodes, opts).start()
}

/** The node being drained: pods still to go, and when kubectl gives up on them. */
interface Current {
  readonly node: Node
  pending: Pod[]
  readonly usingEviction: boolean
  readonly deadline?: number
}

class Drainer {
  private next = 0
  private current: Current | undefined
  /** The error of each node that could not be drained (RunDrain's `fatal`), as its lines. */
  private readonly fatal: string[][] = []
  private readonly remaining: string[] = []

  constructor(
    private readonly env: KubectlEnv,
    private readonly nodes: Node[],
    private readonly opts: DrainOptions,
  ) {}

  start(): CommandOutcome {
    if (this.poll()) return this.finish('done')
    const single = this.nodes.length === 1 && this.current?.deadline !== undefined
    const cont: Continuation = {
      poll: () => this.poll(),
      ...(single ? { timeoutMs: this.current!.deadline! - this.env.sim.now } : {}),
      finish: (reason) => this.finish(reason),
    }
    return cont
  }

  /** Advances through the nodes; true when every node is done with. */
  private poll(): boolean {
    for (;;) {
      if (!this.current) {
        if (this.next >= this.nodes.length) return true
        this.begin(this.nodes[this.next++]!)
        continue
      }
      this.reportGone(this.current)
      if (this.current.pending.length === 0) {
        this.drained(this.current.node)
        continue
      }
      // Past the deadline (at the deadline itself the host ends a single-node drain: finish('timeout')).
      if (this.current.deadline !== undefined && this.env.sim.now > this.current.deadline) {
        this.timedOut(this.current)
        continue
      }
      return false
    }
  }

  private finish(reason: 'done' | 'timeout' | 'interrupted'): number {
    if (reason === 'interrupted') return 1
    if (reason === 'timeout' && this.current) this.timedOut(this.current)
    if (this.remaining.length > 0) {
      this.env.err('There are pending nodes to be drained:\n')
      for (const name of this.remaining) this.env.err(` ${name}\n`)
    }
    if (this.fatal.length === 0) return 0
    // CheckErr: an aggregate of one is unwrapped, then each error goes on its own line.
    const lines = this.fatal.length === 1 ? this.fatal[0]! : this.fatal.map(aggregateText)
    for (const line of lines) this.env.err(`${line}\n`)
    return 1
  }

  /** deleteOrEvictPodsSimple for one node, up to the wait. */
  private begin(node: Node): void {
    const env = this.env
    const api = env.sim.ctx.api
    const list = podsForDeletion(api, node.metadata.name, this.opts, env.sim.now)
    if (list.errors.length > 0) return this.failed(node, list.errors)
    if (list.warnings) env.err(`Warning: ${list.warnings}\n`)
    const { dryRun, disableEviction } = this.opts
    if (dryRun === 'client') {
      for (const p of list.pods)
        env.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`)
      return this.drained(node)
    }
    const grace = this.opts.gracePeriodSeconds
    const pending: Pod[] = []
    for (const pod of list.pods) {
      const ns = pod.metadata.namespace!
      const name = pod.metadata.name
      try {
        if (disableEviction) {
          api.delete('Pod', ns, name, grace >= 0 ? { gracePeriodSeconds: grace } : {})
          env.out(`deleting pod ${ns}/${name}\n`)
        } else {
          env.out(`evicting pod ${ns}/${name}${dryRun === 'server' ? ' (server dry run)' : ''}\n`)
          evictPod(api, ns, name, {
            ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
            dryRun: dryRun === 'server',
          })
        }
        pending.push(pod)
      } catch (e) {
        if (!(e instanceof StatusError && e.reason === 'NotFound')) throw e
      }
    }
    if (dryRun === 'server') return this.drained(node)
    const deadline = this.opts.timeoutMs > 0 ? env.sim.now + this.opts.timeoutMs : undefined
    this.current = {
      node,
      pending,
      usingEviction: !disableEviction,
      ...(deadline !== undefined ? { deadline } : {}),
    }
  }

  /** waitForDelete: a pod is done when it is gone or replaced (another uid), or deleted long ago. */
  private reportGone(c: Current): void {
    const store = this.env.sim.ctx.store
    const seconds = this.opts.skipWaitForDeleteTimeoutSeconds
    c.pending = c.pending.filter((pod) => {
      const live = store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
      if (!live || live.metadata.uid !== pod.metadata.uid) {
        this.env.out(`pod/${pod.metadata.name} ${c.usingEviction ? 'evicted' : 'deleted'}\n`)
        return false
      }
      if (deletedLongAgo(live, seconds, this.env.sim.now)) {
        this.env.out(
          `pod "${pod.metadata.name}" has DeletionTimestamp older than ${seconds} seconds, skipping\n`,
        )
        return false
      }
      return true
    })
  }

  private timedOut(c: Current): void {
    const limit = goDuration(this.opts.timeoutMs)
    const errors = c.pending.map((pod) =>
      c.usingEviction
        ? `error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: global timeout reached: ${limit}`
        : 'timed out waiting for the condition',
    )
    const unique = c.usingEviction ? errors : errors.slice(0, 1)
    const api = this.env.sim.ctx.api
    const still = podsForDeletion(api, c.node.metadata.name, this.opts, this.env.sim.now).pods
    if (still.length > 0) {
      this.env.err(
        `There are pending pods in node "${c.node.metadata.name}" when an error occurred: ${aggregateText(unique)}\n`,
      )
      for (const pod of still) this.env.err(`pod/${pod.metadata.name}\n`)
    }
    this.failed(c.node, unique)
  }

  private failed(node: Node, errors: string[]): void {
    this.current = undefined
    this.env.err(
      `error: unable to drain node "${node.metadata.name}" due to error: ${aggregateText(errors)}, continuing command...\n`,
    )
    this.fatal.push(errors)
    this.remaining.push(node.metadata.name)
  }

  private drained(node: Node): void {
    this.current = undefined
    this.env.out(`node/${node.metadata.name} drained${dryRunSuffix(this.opts.dryRun)}\n`)
  }
}

/** utilerrors.Aggregate.Error: one error as itself, several as `[a, b]` (duplicates once). */
function aggregateText(errors: string[]): string {
  const unique = [...new Set(errors)]
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`
}

/** Go's time.Duration String for whole milliseconds: `30s`, `1m0s`, `1h0m0s`, `500ms`. */
function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = ((ms % 60_000) / 1000).toString()
  if (h > 0) return `${h}h${m}m${s}s`
  if (m > 0) return `${m}m${s}s`
  return `${s}s`
}
