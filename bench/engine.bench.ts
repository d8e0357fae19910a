// The engine's figures for `npm run bench` (bench/run.ts): wall time to bring StatefulSets fully
// Ready (Parallel 1,000 and 10,000 replicas, OrderedReady 1,000, and Parallel 1,000 with a claim
// per pod, as the lesson's web.yaml has), events per second, how cost grows
// from 1k to 10k, and the cost of a scrub (a seek 10 simulated minutes back at 300 pods).
// Each scenario runs in a fresh Node process (this file, with --one). Not a test: figures only.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Simulation } from '../src/sim/simulation'
import { Timeline } from '../src/sim/timeline'
import type { KubeObject, StatefulSet } from '../src/sim/model'

type Policy = 'Parallel' | 'OrderedReady'

export interface Figure {
  name: string
  replicas: number
  policy: Policy
  /** Each pod gets a claim from a volumeClaimTemplate (provisioned, bound, mounted). */
  claims: boolean
  nodes: number
  wallMs: number
  simSeconds: number
  tasks: number
  writes: number
  tasksPerSecond: number
  writesPerSecond: number
}

/** The lesson's claim template: 1Gi, ReadWriteOnce, from the default StorageClass. */
const WWW_CLAIM = {
  metadata: { name: 'www' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
}

function runOnce(replicas: number, policy: Policy, claims: boolean): Figure {
  // 110 pods fit on a node (the kubelet's default maxPods); leave headroom.
  const nodes = Math.max(3, Math.ceil(replicas / 100))
  const sim = new Simulation({ seed: 1, cluster: { nodes } })
  let writes = 0
  sim.ctx.store.watch(() => writes++)
  const start = performance.now()
  sim.ctx.api.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      podManagementPolicy: policy,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
      },
      ...(claims ? { volumeClaimTemplates: [WWW_CLAIM] } : {}),
    },
  } as unknown as KubeObject)
  let tasks = 0
  const ready = () =>
    sim.ctx.store.get<StatefulSet>('StatefulSet', 'default', 'web')?.status?.readyReplicas === replicas
  while (!ready()) {
    if (!sim.step()) throw new Error('simulation went idle before the set was Ready')
    tasks++
  }
  const wallMs = performance.now() - start
  return {
    name: `${policy} ${replicas.toLocaleString('en')}${claims ? ' + claims' : ''}`,
    replicas,
    policy,
    claims,
    nodes,
    wallMs,
    simSeconds: sim.now / 1000,
    tasks,
    writes,
    tasksPerSecond: tasks / (wallMs / 1000),
    writesPerSecond: writes / (wallMs / 1000),
  }
}

/** Median of several runs (the first run also warms the JIT). */
function measure(replicas: number, policy: Policy, claims: boolean, runs: number): Figure {
  runOnce(Math.min(replicas, 200), policy, claims)
  const results = Array.from({ length: runs }, () => runOnce(replicas, policy, claims)).sort(
    (a, b) => a.wallMs - b.wallMs,
  )
  return results[Math.floor(results.length / 2)]!
}

/** Scrubbing cost: 300 Ready pods, 15 simulated minutes recorded, then a seek 10 minutes back. */
function measureSeek(): { seekMs: number; checkpoints: number } {
  const sim = new Simulation({ seed: 1, cluster: { nodes: 3 } })
  const timeline = new Timeline(sim, { intervalMs: 10_000 })
  timeline.act(() =>
    sim.ctx.api.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 300,
        podManagementPolicy: 'Parallel',
        serviceName: 'nginx',
        selector: { matchLabels: { app: 'nginx' } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] },
        },
      },
    } as unknown as KubeObject),
  )
  timeline.advanceTo(15 * 60_000)
  const runs: number[] = []
  for (let i = 0; i < 5; i++) {
    timeline.seek(15 * 60_000)
    const start = performance.now()
    timeline.seek(5 * 60_000 + i * 1_234)
    runs.push(performance.now() - start)
  }
  return { seekMs: runs.sort((a, b) => a - b)[2]!, checkpoints: timeline.checkpointCount }
}

/** Runs one scenario in a fresh Node process, so one scenario's heap does not slow the next. */
function isolated(replicas: number, policy: Policy, runs: number, claims = false): Figure {
  const args = [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--one',
    String(replicas),
    policy,
    String(runs),
    claims ? 'claims' : 'none',
  ]
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Figure
}

const oneAt = process.argv.indexOf('--one')
if (oneAt >= 0) {
  const [replicas, policy, runs, claims] = process.argv.slice(oneAt + 1)
  process.stdout.write(
    JSON.stringify(measure(Number(replicas), policy as Policy, claims === 'claims', Number(runs))),
  )
  process.exit(0)
}

export interface EngineResults {
  figures: Figure[]
  ratio: number
  seek: { seekMs: number; checkpoints: number }
}

/** Runs every engine scenario (under a minute on a 2-core machine). */
export function runEngineBench(): EngineResults {
  const figures = [
    isolated(1000, 'Parallel', 5),
    isolated(10000, 'Parallel', 3),
    isolated(1000, 'OrderedReady', 5),
    isolated(1000, 'Parallel', 3, true),
  ]
  const seek = measureSeek()
  const [p1k, p10k] = figures as [Figure, Figure]
  return { figures, ratio: p10k.wallMs / p1k.wallMs, seek }
}

/** The engine's table: one row per scenario. */
export function printEngine(r: EngineResults, log: (line: string) => void): void {
  const pad = (s: string, n: number) => s.padEnd(n)
  log(
    pad('scenario', 26) +
      pad('nodes', 7) +
      pad('wall ms', 10) +
      pad('sim s', 9) +
      pad('tasks', 9) +
      pad('writes', 9) +
      pad('tasks/s', 10) +
      'writes/s',
  )
  for (const f of r.figures) {
    log(
      pad(f.name, 26) +
        pad(String(f.nodes), 7) +
        pad(f.wallMs.toFixed(0), 10) +
        pad(f.simSeconds.toFixed(1), 9) +
        pad(String(f.tasks), 9) +
        pad(String(f.writes), 9) +
        pad(f.tasksPerSecond.toFixed(0), 10) +
        f.writesPerSecond.toFixed(0),
    )
  }
  log(`10k/1k Parallel cost ratio: ${r.ratio.toFixed(1)}×`)
  log(
    `seek 10 simulated minutes back at 300 pods: ${r.seek.seekMs.toFixed(2)} ms (${r.seek.checkpoints} checkpoints kept)`,
  )
}
