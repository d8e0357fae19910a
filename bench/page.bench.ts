// The page's figures for `npm run bench`, in headless Chromium driven by Playwright: load times
// (first cluster paint, usable editor; also with 4× CPU throttling), frame times while a
// StatefulSet scales up and every pod is recreated, the JS heap after a simulated hour, and
// the cost of a scrub in the page. bench/run.ts builds and serves the app first.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import * as fs from 'node:fs'
import {
  FRAME_COUNT,
  LOAD_PROBE,
  START_FRAMES,
  STOP_FRAMES,
  advanceScript,
  phaseScript,
  seekScript,
  statefulSetYaml,
  type PhaseResult,
} from './pageScenarios'

/** As in playwright.config.ts: Debian's Chromium, software rendering. */
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
export const VIEWPORT = { width: 1280, height: 800 }
/** Frame scenarios play the clock at this speed (the app's menu offers 0.25×–100×). */
export const FRAME_SPEED = 100
/** A phase (scale-up, recreation) stops after this much real time even if unfinished. */
export const PHASE_CAP_MS = 30_000
/** Recreation repeats until frames cover at least this much real time (small sets are quick). */
export const MIN_FRAMES_MS = 8_000

export interface Stats {
  count: number
  median: number
  p95: number
  worst: number
  mean: number
}

export function stats(values: readonly number[]): Stats {
  const v = [...values].sort((a, b) => a - b)
  if (v.length === 0) return { count: 0, median: NaN, p95: NaN, worst: NaN, mean: NaN }
  // Nearest-rank percentiles.
  const at = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))]!
  return {
    count: v.length,
    median: at(0.5),
    p95: at(0.95),
    worst: v[v.length - 1]!,
    mean: v.reduce((a, b) => a + b, 0) / v.length,
  }
}

export interface LoadRun {
  fcpMs?: number
  clusterInDomMs: number
  clusterPaintMs: number
  editorInDomMs: number
  editorPaintMs: number
  /** Typing into Monaco changed the app's editor text (checked after the timings were taken). */
  editorTakesInput: boolean
  /** Scripts the page requested before the editor's chunk. */
  scriptsBeforeEditor: string[]
}

export interface LoadResults {
  throttle: number
  runs: LoadRun[]
  clusterPaint: Stats
  editorPaint: Stats
  fcp: Stats
}

export interface FrameResult {
  pods: number
  speed: number
  phases: (PhaseResult & { kind: 'scale' | 'recreate'; frames: number })[]
  frames: Stats
  /** Share of frames longer than 1.5 vsync intervals (25 ms): dropped frames. */
  over25: number
  realMs: number
}

export interface HeapResult {
  pods: number
  simulatedMs: number
  realMs: number
  afterLoadMB: number
  afterHourMB: number
  /** Seek 10 simulated minutes back: engine + store (seekMs), and until the frame was painted. */
  seek: { seekMs: number; paintedMs: number }[]
}

export interface PageSession {
  browser: Browser
  chromium: string
  close(): Promise<void>
}

export async function openBrowser(): Promise<PageSession> {
  if (!fs.existsSync(LAUNCH.executablePath))
    throw new Error(`${LAUNCH.executablePath} is missing: apt-get install chromium (npm test installs it)`)
  const browser = await chromium.launch(LAUNCH)
  return { browser, chromium: browser.version(), close: () => browser.close() }
}

/** A fresh context (empty storage and cache), service workers blocked: every run is a first visit. */
async function freshPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`))
  const cdp = await context.newCDPSession(page)
  return { context, page, cdp }
}

/**
 * Polls `expression` in the page until it is truthy. (page.waitForFunction evaluates its string
 * with eval, which the app's Content-Security-Policy forbids; page.evaluate is not subject to it.)
 */
async function waitFor(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs
  while (!(await page.evaluate(`Boolean(${expression})`))) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${expression}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitFor(page, 'globalThis.__ordinal && globalThis.__ordinal.store')
}

async function loadOnce(browser: Browser, url: string, throttle: number): Promise<LoadRun> {
  const { context, page, cdp } = await freshPage(browser)
  try {
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    const scripts: string[] = []
    let editorRequested = false
    page.on('request', (r) => {
      if (r.resourceType() !== 'script') return
      const file = new URL(r.url()).pathname.replace(/^\//, '')
      if (/MonacoYamlEditor/.test(file)) editorRequested = true
      if (!editorRequested) scripts.push(file)
    })
    await page.addInitScript(LOAD_PROBE)
    await page.goto(url)
    await waitFor(page, 'globalThis.__bench.clusterPainted && globalThis.__bench.editorPainted')
    const m = (await page.evaluate('globalThis.__bench')) as Record<string, number>
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    // Usable: a keystroke in Monaco reaches the app's state.
    const before = (await page.evaluate('globalThis.__ordinal.store.getState().editorText')) as string
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('#')
    await waitFor(
      page,
      `globalThis.__ordinal.store.getState().editorText !== ${JSON.stringify(before)}`,
      10_000,
    )
    return {
      ...(m.fcp !== undefined ? { fcpMs: m.fcp } : {}),
      clusterInDomMs: m.clusterInDom!,
      clusterPaintMs: m.clusterPainted!,
      editorInDomMs: m.editorInDom!,
      editorPaintMs: m.editorPainted!,
      editorTakesInput: true,
      scriptsBeforeEditor: scripts,
    }
  } finally {
    await context.close()
  }
}

/** Navigation → first cluster paint and → usable editor, `runs` fresh visits (after one warm-up). */
export async function measureLoad(browser: Browser, url: string, throttle: number, runs: number) {
  await loadOnce(browser, url, throttle)
  const list: LoadRun[] = []
  for (let i = 0; i < runs; i++) list.push(await loadOnce(browser, url, throttle))
  return {
    throttle,
    runs: list,
    clusterPaint: stats(list.map((r) => r.clusterPaintMs)),
    editorPaint: stats(list.map((r) => r.editorPaintMs)),
    fcp: stats(list.flatMap((r) => (r.fcpMs === undefined ? [] : [r.fcpMs]))),
  } satisfies LoadResults
}

/**
 * Frame intervals while `pods` replicas are created (Parallel) and then every pod is deleted and
 * recreated — again until MIN_FRAMES_MS of frames are recorded — with the clock at `speed`×.
 * With `profile`, a CPU profile of the whole run is written to that file.
 */
export async function measureFrames(
  browser: Browser,
  url: string,
  pods: number,
  options: { speed?: number; profile?: string } = {},
): Promise<FrameResult> {
  const { speed = FRAME_SPEED, profile } = options
  const { context, page, cdp } = await freshPage(browser)
  try {
    await openApp(page, url)
    // Monaco loads while the first frames are drawn: wait for it, so it is not measured here.
    await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 })
    await page.evaluate(`(() => {
      const { actions } = globalThis.__ordinal.store.getState()
      actions.pause()
      actions.setSpeed(${speed})
    })()`)
    if (profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    const started = performance.now()
    await page.evaluate(START_FRAMES)
    const phases: FrameResult['phases'] = []
    const run = async (kind: 'scale' | 'recreate') => {
      const before = (await page.evaluate(FRAME_COUNT)) as number
      const r = (await page.evaluate(
        phaseScript(kind, pods, PHASE_CAP_MS, statefulSetYaml(pods)),
      )) as PhaseResult
      const after = (await page.evaluate(FRAME_COUNT)) as number
      phases.push({ kind, ...r, frames: after - before })
    }
    await run('scale')
    do await run('recreate')
    while (performance.now() - started < MIN_FRAMES_MS && phases.every((p) => p.done))
    const deltas = (await page.evaluate(STOP_FRAMES)) as number[]
    if (profile) {
      const { profile: data } = await cdp.send('Profiler.stop')
      fs.writeFileSync(profile, JSON.stringify(data))
    }
    return {
      pods,
      speed,
      phases,
      frames: stats(deltas),
      over25: deltas.filter((d) => d > 25).length / Math.max(1, deltas.length),
      realMs: performance.now() - started,
    }
  } finally {
    await context.close()
  }
}

const heapMB = async (cdp: CDPSession) => {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 2 ** 20
}

/**
 * `pods` replicas, then one simulated hour at 100× in 250 ms steps (a frame each) with the
 * timeline's checkpoints kept; the JS heap after a forced GC; then seeks 10 minutes back.
 */
export async function measureHeap(browser: Browser, url: string, pods: number): Promise<HeapResult> {
  const { context, page, cdp } = await freshPage(browser)
  try {
    await openApp(page, url)
    await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 })
    await page.evaluate('globalThis.__ordinal.store.getState().actions.pause()')
    await cdp.send('HeapProfiler.enable')
    const afterLoadMB = await heapMB(cdp)
    const started = performance.now()
    const t0 = (await page.evaluate(`(() => {
      const { actions, snapshot } = globalThis.__ordinal.store.getState()
      actions.apply(${JSON.stringify(statefulSetYaml(pods))})
      return snapshot.now
    })()`)) as number
    const HOUR = 3_600_000
    const reached = (await page.evaluate(advanceScript(t0 + HOUR, 100))) as number
    const realMs = performance.now() - started
    const afterHourMB = await heapMB(cdp)
    const seek: HeapResult['seek'] = []
    for (let i = 0; i < 3; i++) {
      seek.push((await page.evaluate(seekScript(10 * 60_000))) as HeapResult['seek'][number])
      await page.evaluate(`globalThis.__ordinal.store.getState().actions.seek(${reached})`)
    }
    return { pods, simulatedMs: reached - t0, realMs, afterLoadMB, afterHourMB, seek }
  } finally {
    await context.close()
  }
}
