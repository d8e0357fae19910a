// Test helper (imported by tests only): runs kubectl command lines against a real Simulation the
// way a terminal would — split by a tiny quote-aware tokenizer, blocking commands driven by
// advancing simulated time — and collects stdout, stderr (also interleaved) and the exit code.
import type { Pod, StatefulSet } from '../../sim/model'
import { Simulation, type SimulationOptions } from '../../sim/simulation'
import { isContinuation } from '../env'
import { runKubectl } from '../kubectl'

/** The StatefulSet Basics tutorial's web.yaml in the tutorial's own layout. */
export const WEB_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`

export interface KubectlResult {
  stdout: string
  stderr: string
  /** stdout and stderr in the order they were written, as a terminal shows them. */
  output: string
  exitCode: number
  /** How the host ended a blocking command; undefined for one that returned at once. */
  ended?: 'done' | 'timeout' | 'interrupted'
}

export interface RunOptions {
  stdin?: string
  terminal?: boolean
  /**
   * For a blocking command: stop it after this many simulated ms as `timeout N` would
   * (`interrupted`). Default: one simulated hour, which only ends watches.
   */
  limitMs?: number
}

export interface HarnessOptions extends SimulationOptions {
  /** Files the commands may read (`-f web.yaml`), by the path given on the command line. */
  files?: Record<string, string>
}

/** Splits a command line like a shell would for kubectl: whitespace, '…' and "…" quotes, `\`. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = []
  let word: string | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1)
      if (end < 0) throw new Error(`unterminated ${ch} in: ${line}`)
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i]
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + ch
  }
  if (word !== undefined) words.push(word)
  return words
}

export class KubectlHarness {
  readonly sim: Simulation
  readonly files: Record<string, string>

  constructor(options: HarnessOptions = {}) {
    const { files = {}, ...simOptions } = options
    this.sim = new Simulation({ seed: 1, ...simOptions })
    this.files = { ...files }
  }

  /** Runs `kubectl <line>` (the leading `kubectl` is optional) at the current simulated time. */
  kubectl(line: string | string[], options: RunOptions = {}): KubectlResult {
    const argv = typeof line === 'string' ? splitCommandLine(line) : [...line]
    if (argv[0] === 'kubectl') argv.shift()
    let stdout = ''
    let stderr = ''
    let output = ''
    const outcome = runKubectl(argv, {
      sim: this.sim,
      out: (t) => {
        stdout += t
        output += t
      },
      err: (t) => {
        stderr += t
        output += t
      },
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      ...(options.terminal !== undefined ? { terminal: options.terminal } : {}),
      readFile: (path) => this.files[path],
    })
    if (!isContinuation(outcome)) return { stdout, stderr, output, exitCode: outcome }
    const limit = options.limitMs ?? 60 * 60 * 1000
    const own = outcome.timeoutMs
    const budget = own !== undefined ? Math.min(own, limit) : limit
    let ended: KubectlResult['ended']
    let exitCode: number
    if (this.sim.advanceUntil(() => outcome.poll(), budget)) {
      ended = 'done'
      exitCode = outcome.finish('done')
    } else if (own !== undefined && own <= limit) {
      ended = 'timeout'
      exitCode = outcome.finish('timeout')
    } else {
      ended = 'interrupted'
      exitCode = outcome.finish('interrupted')
    }
    return { stdout, stderr, output, exitCode, ended }
  }

  /** Advances simulated time by `ms`. */
  advance(ms: number): void {
    this.sim.advance(ms)
  }

  /** Advances simulated time to `ms` after the simulation started. */
  advanceTo(ms: number): void {
    this.sim.advanceTo(ms)
  }

  /**
   * Advances until every StatefulSet has observed its spec and has all its replicas Ready, and no
   * pod is terminating: the point where a tutorial reader would type the next command.
   */
  settle(limitMs?: number): void {
    const api = this.sim.ctx.api
    this.advanceUntil(() => {
      const sets = api.list<StatefulSet>('StatefulSet')
      const pods = api.list<Pod>('Pod')
      return (
        pods.every((p) => !p.metadata.deletionTimestamp) &&
        sets.every(
          (s) =>
            (s.status?.observedGeneration ?? 0) >= (s.metadata.generation ?? 1) &&
            (s.status?.readyReplicas ?? 0) === (s.spec.replicas ?? 1) &&
            (s.status?.replicas ?? 0) === (s.spec.replicas ?? 1),
        )
      )
    }, limitMs)
  }

  /** Advances until `done` holds; throws if it does not within `limitMs` simulated ms. */
  advanceUntil(done: () => boolean, limitMs = 10 * 60 * 1000): void {
    if (!this.sim.advanceUntil(done, limitMs))
      throw new Error(`condition not reached within ${limitMs} ms of simulated time`)
  }

  /** Advances until every pod named is Running and Ready. */
  advanceUntilReady(names: string[], limitMs?: number): void {
    this.advanceUntil(() => names.every((n) => this.isReady(n)), limitMs)
  }

  isReady(podName: string, namespace = 'default'): boolean {
    const pod = this.sim.ctx.api.tryGet<Pod>('Pod', namespace, podName)
    return (
      !!pod &&
      pod.status.phase === 'Running' &&
      !!pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
    )
  }
}
