// A per-frame attribution of the frame scenario (not part of `npm run bench`): for each long
// frame, the real time spent in the store's tick (engine + snapshot + selectors), in React's
// render and commit right after it (the canvas redraw runs in its effects), in console commands
// and applies, and in style, layout and paint (Long Animation Frames API).
//   npx tsx bench/frameProbe.ts [pods=300] [dist=bench/.dist]   (TRACE=file.json: a Chromium trace;
//   PROFILE=file.cpuprofile: a V8 CPU profile — build with `--minify false` for names)
import { chromium } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { serveStatic } from './serve'
import { phaseScript, statefulSetYaml } from './pageScenarios'

const pods = Number(process.argv[2] ?? 300)
const dist = process.argv[3] ?? 'bench/.dist'

const INSTRUMENT = `(() => {
  const store = globalThis.__ordinal.store
  const a = store.getState().actions
  const rec = (globalThis.__probe = { frames: [], cur: { tick: 0, react: 0, cmd: 0, apply: 0 }, loaf: [] })
  const wrap = (name, key) => {
    const f = a[name]
    a[name] = (...args) => {
      const t0 = performance.now()
      try { return f(...args) } finally {
        const t1 = performance.now()
        rec.cur[key] += t1 - t0
        // React renders in a microtask queued during the store update: this one runs after it.
        queueMicrotask(() => (rec.cur.react += performance.now() - t1))
      }
    }
  }
  if (a.frame) wrap('frame', 'tick')
  wrap('tick', 'tick'); wrap('runCommand', 'cmd'); wrap('apply', 'apply')
  let last
  const loop = (t) => {
    if (last !== undefined) rec.frames.push({ dt: t - last, ...rec.cur })
    rec.cur = { tick: 0, react: 0, cmd: 0, apply: 0 }
    last = t
    if (!rec.stop) requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
  new PerformanceObserver((l) => {
    for (const e of l.getEntries())
      rec.loaf.push({
        start: e.startTime, duration: e.duration,
        styleLayoutAndPaint: e.startTime + e.duration - e.styleAndLayoutStart,
        forced: e.scripts.reduce((s, x) => s + x.forcedStyleAndLayoutDuration, 0),
      })
  }).observe({ type: 'long-animation-frame' })
})()`

const server = await serveStatic(dist)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
})
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })
const page = await context.newPage()
await page.goto(server.url)
await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 })
await page.evaluate(
  `(() => { const { actions } = globalThis.__ordinal.store.getState(); actions.pause(); actions.setSpeed(100) })()`,
)
await page.evaluate(INSTRUMENT)
const tracePath = process.env.TRACE
const profilePath = process.env.PROFILE
const cdp = profilePath ? await context.newCDPSession(page) : undefined
if (cdp) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
}
if (tracePath)
  await browser.startTracing(page, {
    path: tracePath,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink',
      'cc',
      'gpu',
    ],
  })
for (const kind of ['scale', 'recreate', 'recreate'] as const)
  console.log(kind, await page.evaluate(phaseScript(kind, pods, 30_000, statefulSetYaml(pods))))
const { frames, loaf } = (await page.evaluate(`(globalThis.__probe.stop = true, globalThis.__probe)`)) as {
  frames: { dt: number; tick: number; react: number; cmd: number; apply: number }[]
  loaf: { duration: number; styleLayoutAndPaint: number; forced: number }[]
}
if (tracePath) await browser.stopTracing()
if (cdp) writeFileSync(profilePath!, JSON.stringify((await cdp.send('Profiler.stop')).profile))
const f0 = (n: number) => n.toFixed(0).padStart(6)
const sorted = frames.map((f) => f.dt).sort((a, b) => a - b)
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
console.log(
  `${frames.length} frames; median ${at(0.5).toFixed(1)} p95 ${at(0.95).toFixed(1)} worst ${sorted.at(-1)!.toFixed(1)}`,
)
console.log('    dt   tick  react    cmd  apply  (ms; frames over 50 ms)')
for (const f of frames.filter((x) => x.dt > 50))
  console.log([f.dt, f.tick, f.react, f.cmd, f.apply].map(f0).join(' '))
const sum = (k: 'dt' | 'tick' | 'react' | 'cmd' | 'apply') => frames.reduce((s, f) => s + f[k], 0)
console.log(
  'totals:',
  (['dt', 'tick', 'react', 'cmd', 'apply'] as const).map((k) => `${k} ${sum(k).toFixed(0)}`).join(', '),
)
const lsum = (k: 'duration' | 'styleLayoutAndPaint' | 'forced') => loaf.reduce((s, f) => s + f[k], 0)
console.log(
  `long animation frames: ${loaf.length}, ${lsum('duration').toFixed(0)} ms; rendering (style, layout, paint) ${lsum('styleLayoutAndPaint').toFixed(0)} ms; forced layout in scripts ${lsum('forced').toFixed(0)} ms`,
)
await browser.close()
server.close()
