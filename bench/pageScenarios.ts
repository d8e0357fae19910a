// What the page bench runs inside the page, as source text: bench/ is type-checked without the DOM
// library, and tsx's name-keeping helpers would break functions serialised by page.evaluate.
// Each script reads the app through its test hook, globalThis.__ordinal.store (see e2e/canvas.spec.ts).
import { readFileSync } from 'node:fs'

/** The StatefulSet the frame and heap scenarios use: the "Topology only" example (no claims), Parallel. */
export function statefulSetYaml(replicas: number): string {
  const example = readFileSync(new URL('../src/examples/topology.yaml', import.meta.url), 'utf8')
  const yaml = example.replace(
    /^  replicas: \d+$/m,
    `  replicas: ${replicas}\n  podManagementPolicy: Parallel`,
  )
  if (yaml === example) throw new Error('topology.yaml changed shape: no "replicas:" line to set')
  return yaml
}

/** Pod addresses per node: host-local IPAM on a /24 hands out .2–.254 (src/sim/kubelet/ipam.ts). */
export const ADDRESSES_PER_NODE = 253

/** Installed before the page's own scripts: notes when the cluster and the editor are first painted. */
export const LOAD_PROBE = `(() => {
  const m = (globalThis.__bench = {})
  // The end of the frame that shows a change: the next animation frame, then a task after it.
  const afterPaint = (key) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => (m[key] = performance.now())
      ch.port2.postMessage(0)
    })
  const seen = { cluster: false, editor: false }
  const check = () => {
    if (!seen.cluster && document.querySelector('[data-testid="cluster-canvas"] [data-kind="Node"]')) {
      seen.cluster = true
      m.clusterInDom = performance.now()
      afterPaint('clusterPainted')
    }
    if (!seen.editor && document.querySelector('.monaco-editor .view-lines .view-line')) {
      seen.editor = true
      m.editorInDom = performance.now()
      afterPaint('editorPainted')
    }
    if (seen.cluster && seen.editor) observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime
  }).observe({ type: 'paint', buffered: true })
})()`

/** Starts recording the interval between animation frames (requestAnimationFrame timestamps). */
export const START_FRAMES = `(() => {
  const f = (globalThis.__benchFrames = { deltas: [], stop: false, last: undefined })
  const loop = (t) => {
    if (f.last !== undefined) f.deltas.push(t - f.last)
    f.last = t
    if (!f.stop) requestAnimationFrame(loop)
  }
  requestAnimationFrame(loop)
})()`

export const FRAME_COUNT = `globalThis.__benchFrames.deltas.length`

/** Stops recording at the next frame (which closes the last interval) and returns every interval (ms). */
export const STOP_FRAMES = `new Promise((resolve) => {
  const f = globalThis.__benchFrames
  f.stop = true
  requestAnimationFrame(() => setTimeout(() => resolve(f.deltas), 0))
})`

export interface PhaseResult {
  done: boolean
  realMs: number
  simMs: number
  pods: number
  ready: number
}

/**
 * One phase of the frame scenario, with the clock playing: \`scale\` applies the set with \`n\`
 * replicas; \`recreate\` deletes every pod from the console. Resolves once every pod the cluster
 * can run is Ready (and, for \`recreate\`, is a new pod), or after \`capMs\` of real time.
 */
export function phaseScript(kind: 'scale' | 'recreate', n: number, capMs: number, yaml: string): string {
  return `(async () => {
  const store = globalThis.__ordinal.store
  const { actions, snapshot: s0 } = store.getState()
  const expected = Math.min(${n}, s0.nodes.length * ${ADDRESSES_PER_NODE})
  const old = new Set(s0.pods.map((p) => p.metadata.uid))
  const started = performance.now()
  if (${JSON.stringify(kind)} === 'scale') actions.apply(${JSON.stringify(yaml)})
  else actions.runCommand('kubectl delete pods -l app=nginx --wait=false')
  actions.play()
  const count = () => {
    const pods = store.getState().snapshot.pods.filter((p) => p.metadata.labels?.app === 'nginx')
    const ready = pods.filter(
      (p) =>
        !p.metadata.deletionTimestamp &&
        !old.has(p.metadata.uid) &&
        (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    ).length
    return { pods: pods.length, ready }
  }
  // Checked on every store update (not by polling a timer, which a busy page runs late): the
  // phase ends at the update that completes it.
  let c = count()
  const finished = () => c.pods === ${n} && c.ready >= expected
  if (!finished())
    await new Promise((resolve) => {
      const stop = () => {
        unsubscribe()
        clearTimeout(cap)
        resolve()
      }
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.snapshot === previous.snapshot) return
        c = count()
        if (finished()) stop()
      })
      const cap = setTimeout(() => {
        c = count()
        stop()
      }, Math.max(0, ${capMs} - (performance.now() - started)))
    })
  actions.pause()
  return {
    done: c.pods === ${n} && c.ready >= expected,
    realMs: performance.now() - started,
    simMs: store.getState().snapshot.now - s0.now,
    pods: c.pods,
    ready: c.ready,
  }
})()`
}

/** Runs simulated time forward at \`speed\`× in steps of 250 ms of real time, one frame each, to \`untilMs\`. */
export function advanceScript(untilMs: number, speed: number): string {
  return `(async () => {
  const store = globalThis.__ordinal.store
  const { actions } = store.getState()
  actions.setSpeed(${speed})
  while (store.getState().snapshot.now < ${untilMs}) {
    actions.play()
    actions.tick(250)
    actions.pause()
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  }
  return store.getState().snapshot.now
})()`
}

/** Seeks \`backMs\` into the past and resolves with the real time until that moment was painted. */
export function seekScript(backMs: number): string {
  return `(async () => {
  const { actions, snapshot } = globalThis.__ordinal.store.getState()
  const started = performance.now()
  actions.seek(snapshot.now - ${backMs})
  const seekMs = performance.now() - started
  await new Promise((r) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = r
      ch.port2.postMessage(0)
    }),
  )
  return { seekMs, paintedMs: performance.now() - started }
})()`
}
