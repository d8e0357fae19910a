// npm run bench — the engine's figures, then the page's: builds the app into bench/.dist, serves
// it on a free port, measures it in headless Chromium, prints tables and the budgets, and writes
// bench/results.json with the machine's facts. Figures only: it never fails on a budget.
//   --engine-only | --page-only   one half
//   --pods=10,300                 frame scenarios to run (default 10,100,300,1000,3000; --pods= for none)
//   --at1x=300                    frame scenarios also run with the clock at 1× (default 300; --at1x= for none)
//   --runs=N                      page loads per setting (default 5, after one warm-up; 0 skips them)
//   --no-heap                     skips the simulated hour
//   --profile[=PODS]              also a CPU profile of a frame scenario (default 3,000 pods) on an
//                                 unminified build, written to bench/profile-PODS.cpuprofile
import * as fs from 'node:fs'
import * as path from 'node:path'
import { check, type BudgetKey, type BudgetResult } from './budgets'
import { buildApp, bundleSizes, type BundleSizes, type JsFile } from './bundle'
import { printEngine, runEngineBench, type EngineResults } from './engine.bench'
import { busyNow, machineFacts, type Busy } from './machine'
import {
  FRAME_SPEED,
  MIN_FRAMES_MS,
  PHASE_CAP_MS,
  VIEWPORT,
  measureFrames,
  measureHeap,
  measureLoad,
  openBrowser,
  type FrameResult,
  type HeapResult,
  type LoadResults,
  type PageSession,
  type Stats,
} from './page.bench'
import { profileReport, type CpuProfile } from './profile'
import { serveStatic, type StaticServer } from './serve'

const DIST = 'bench/.dist'
const PROFILE_DIST = 'bench/.dist-profile'
const RESULTS = 'bench/results.json'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`))
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const podCounts = (option('pods') ?? '10,100,300,1000,3000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const at1x = (option('at1x') ?? '300')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const loadRuns = Number(option('runs') ?? 5)
const profilePods = Number(option('profile') ?? 3000)
const doEngine = !flag('page-only')
const doPage = !flag('engine-only')

const log = (line = '') => console.log(line)
const pad = (s: string | number, n: number) => String(s).padEnd(n)
const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0))
const kB = (bytes: number) => (bytes / 1000).toFixed(1)
const range = (s: Stats, values: number[]) =>
  `${ms(s.median)} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`
const heading = (title: string) => log(`\n== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`)

const machine = machineFacts()
const started = performance.now()
const results: Record<string, unknown> = { date: new Date().toISOString(), machine }
const values: Partial<Record<BudgetKey, number>> = {}

log(
  `Ordinal bench on ${machine.cpus}× ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}` +
    ` (${busyText(machine.atStart)})`,
)
if (machine.atStart.load[0]! > machine.cpus)
  log(
    `note: the load average exceeds the ${machine.cpus} CPUs; other work on this machine will slow every timing`,
  )

if (doEngine) {
  heading('engine (Node, one process per scenario)')
  const engine: EngineResults = runEngineBench()
  printEngine(engine, log)
  const [, p10k, o1k] = engine.figures
  values.p10k = p10k?.wallMs
  values.o1k = o1k?.wallMs
  values.ratio = engine.ratio
  values.seekEngine = engine.seek.seekMs
  results.engine = { ...engine, after: busyNow() }
}

let server: StaticServer | undefined
let session: PageSession | undefined
const shutdown = async () => {
  await session?.close().catch(() => undefined)
  await server?.close().catch(() => undefined)
}
process.once('SIGINT', () => void shutdown().then(() => process.exit(130)))
process.once('SIGTERM', () => void shutdown().then(() => process.exit(143)))

if (doPage) {
  try {
    heading('build (vite build --manifest into bench/.dist)')
    const buildMs = buildApp(DIST)
    const bundle = bundleSizes(DIST)
    printBundle(bundle, buildMs)
    values.initialJs = bundle.initialGzip / 1000
    if (bundle.lazy.length === 0) log('no lazy chunk: the editor is not lazy-loaded')
    results.bundle = { buildMs, ...bundle }

    server = await serveStatic(DIST)
    session = await openBrowser()
    machine.chromium = session.chromium
    log(
      `\nserving ${DIST} at ${server.url}; Chromium ${session.chromium}, viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
    )

    if (loadRuns > 0) {
      heading(`page load: fresh context each run, ${loadRuns} runs after a warm-up; median (min–max) ms`)
      const loads: LoadResults[] = []
      for (const throttle of [1, 4])
        loads.push(await measureLoad(session.browser, server.url, throttle, loadRuns))
      printLoads(loads, bundle)
      values.paint = loads[0]!.clusterPaint.median
      values.paint4x = loads[1]!.clusterPaint.median
      results.load = { results: loads, after: busyNow() }
    }

    const series = [
      ...podCounts.map((pods) => ({ pods, speed: FRAME_SPEED })),
      ...at1x.map((pods) => ({ pods, speed: 1 })),
    ]
    if (series.length > 0) {
      heading('frames: scale up, then delete and recreate every pod (Parallel, no claims)')
      log(
        pad('pods', 7) +
          pad('speed', 7) +
          pad('frames', 8) +
          pad('median', 8) +
          pad('p95', 8) +
          pad('worst', 8) +
          pad('>25ms', 7) +
          pad('real s', 8) +
          'phases (sim s / real s, ✓ = finished)',
      )
      const frames: FrameResult[] = []
      for (const { pods, speed } of series) {
        const f = await measureFrames(session.browser, server.url, pods, { speed })
        frames.push(f)
        printFrames(f)
      }
      const p95 = (pods: number) => frames.find((f) => f.pods === pods && f.speed === FRAME_SPEED)?.frames.p95
      values.frame300 = p95(300)
      values.frame3000 = p95(3000)
      results.frames = {
        speed: FRAME_SPEED,
        phaseCapMs: PHASE_CAP_MS,
        minFramesMs: MIN_FRAMES_MS,
        results: frames,
        after: busyNow(),
      }
    }

    if (!flag('no-heap')) {
      heading('heap and scrub: 300 pods, one simulated hour at 100× (timeline kept)')
      const heap = await measureHeap(session.browser, server.url, 300)
      printHeap(heap)
      values.heap = heap.afterHourMB
      values.seekPage = [...heap.seek.map((s) => s.paintedMs)].sort((a, b) => a - b)[1]
      results.heap = { ...heap, after: busyNow() }
    }

    if (flag('profile')) {
      heading(`CPU profile: ${profilePods.toLocaleString('en')} pods on an unminified build`)
      const out = `bench/profile-${profilePods}.cpuprofile`
      await server.close()
      buildApp(PROFILE_DIST, { minify: false })
      server = await serveStatic(PROFILE_DIST)
      printFrames(await measureFrames(session.browser, server.url, profilePods, { profile: out }))
      const profile = JSON.parse(fs.readFileSync(out, 'utf8')) as CpuProfile
      for (const line of profileReport(profile)) log(line)
      log(`wrote ${out} (open it in Chrome DevTools' Performance panel)`)
    }
  } finally {
    await shutdown()
  }
}

heading('budgets')
const budgets: BudgetResult[] = check(values)
for (const b of budgets) {
  const value =
    b.value === undefined
      ? 'not run'
      : `${b.unit === 'MB' || b.unit === 'kB' ? b.value.toFixed(1) : ms(b.value)} ${b.unit}`
  const verdict = b.pass === undefined ? '' : b.pass ? 'pass' : 'FAIL'
  log(`${pad(b.what, 48)}${pad(value, 12)}≤ ${pad(`${b.limit} ${b.unit}`, 10)}${verdict}`)
}
const failed = budgets.filter((b) => b.pass === false).length
const durationS = (performance.now() - started) / 1000
machine.atEnd = busyNow()
log(
  `\n${budgets.filter((b) => b.pass).length} budgets met, ${failed} missed; ${durationS.toFixed(0)} s; ${busyText(machine.atEnd)}`,
)

fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
fs.writeFileSync(RESULTS, JSON.stringify({ ...results, durationS, budgets }, null, 2) + '\n')
log(`wrote ${RESULTS}`)

function busyText(b: Busy): string {
  return `load average ${b.load.join(' ')}; CPU probe ${b.probeMs.join('/')} ms`
}

function printBundle(b: BundleSizes, buildMs: number) {
  const line = (label: string, files: JsFile[]) => {
    const gz = files.reduce((n, f) => n + f.gzipBytes, 0)
    const raw = files.reduce((n, f) => n + f.bytes, 0)
    log(
      `${pad(label, 30)}${pad(`${kB(gz)} kB gzip`, 16)}${pad(`${kB(raw)} kB`, 14)}${files.map((f) => path.basename(f.file)).join(', ')}`,
    )
  }
  log(`built in ${(buildMs / 1000).toFixed(1)} s`)
  line('initial (before the editor)', b.initial)
  line('lazy (Monaco editor)', b.lazy)
  line('workers', b.workers)
  line('other (service worker)', b.other)
  log(`${pad('total JavaScript', 30)}${pad(`${kB(b.totalGzip)} kB gzip`, 16)}${kB(b.totalBytes)} kB`)
}

function printLoads(loads: LoadResults[], bundle: BundleSizes) {
  log(pad('CPU', 14) + pad('first contentful paint', 24) + pad('first cluster paint', 24) + 'editor usable')
  for (const l of loads) {
    log(
      pad(l.throttle === 1 ? 'unthrottled' : `${l.throttle}× throttled`, 14) +
        pad(
          range(
            l.fcp,
            l.runs.flatMap((r) => (r.fcpMs === undefined ? [] : [r.fcpMs])),
          ),
          24,
        ) +
        pad(
          range(
            l.clusterPaint,
            l.runs.map((r) => r.clusterPaintMs),
          ),
          24,
        ) +
        range(
          l.editorPaint,
          l.runs.map((r) => r.editorPaintMs),
        ),
    )
  }
  // The scripts the page asked for before the editor's chunk should be the manifest's initial set.
  const requested = new Set(loads.flatMap((l) => l.runs.flatMap((r) => r.scriptsBeforeEditor)))
  const expected = new Set(bundle.initial.map((f) => f.file))
  const same = requested.size === expected.size && [...requested].every((f) => expected.has(f))
  log(
    `scripts requested before the editor: ${[...requested].join(', ')}${same ? ' (= the initial set)' : ' (differs from the initial set!)'}`,
  )
}

function printFrames(f: FrameResult) {
  const one = (p: FrameResult['phases'][number]) =>
    `${p.kind} ${(p.simMs / 1000).toFixed(0)}/${(p.realMs / 1000).toFixed(1)}${p.done ? '✓' : '✗'}`
  const [scale, ...rest] = f.phases
  const span = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`
  const phases =
    rest.length <= 2
      ? f.phases.map(one).join(', ')
      : `${one(scale!)}, recreate ×${rest.length} ${span(rest.map((p) => p.simMs / 1000))} sim s / ${span(
          rest.map((p) => p.realMs / 1000),
        )} real s ${rest.every((p) => p.done) ? '✓' : '✗'}`
  log(
    pad(f.pods, 7) +
      pad(`${f.speed}×`, 7) +
      pad(f.frames.count, 8) +
      pad(ms(f.frames.median), 8) +
      pad(ms(f.frames.p95), 8) +
      pad(ms(f.frames.worst), 8) +
      pad(`${(f.over25 * 100).toFixed(0)}%`, 7) +
      pad((f.realMs / 1000).toFixed(1), 8) +
      phases,
  )
}

function printHeap(h: HeapResult) {
  log(`JS heap after load (GC): ${h.afterLoadMB.toFixed(1)} MB`)
  log(
    `JS heap after ${(h.simulatedMs / 3_600_000).toFixed(2)} simulated hours at ${h.pods} pods (GC): ${h.afterHourMB.toFixed(1)} MB` +
      ` (the hour took ${(h.realMs / 1000).toFixed(1)} s)`,
  )
  log(
    `seek 10 simulated minutes back: ${h.seek.map((s) => `${ms(s.seekMs)} ms engine+store, ${ms(s.paintedMs)} ms painted`).join('; ')}`,
  )
}
