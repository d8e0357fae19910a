// Owner: React owns this whole subtree (a text view; no D3 here).
// A live, text-only look at the engine running in the browser: the lesson's web.yaml applied
// through kubectl, simulated time advancing at 1×, and `kubectl get pods,pvc` redrawn as it
// changes. The animated cluster canvas replaces this in the browser-app issue.
import { useEffect, useState } from 'react'
import { Simulation } from '../sim/simulation'
import { runKubectl } from '../kubectl/kubectl'
import webYaml from '../examples/web.yaml?raw'

function kubectlText(sim: Simulation, argv: string[]): string {
  let text = ''
  const write = (s: string) => (text += s)
  runKubectl(argv, {
    sim,
    out: write,
    err: write,
    readFile: (path) => (path === 'web.yaml' ? webYaml : undefined),
  })
  return text
}

export function EnginePreview() {
  const [view, setView] = useState({ applied: '', pods: '', claims: '', seconds: 0 })

  useEffect(() => {
    const sim = new Simulation({ seed: 1 })
    const applied = kubectlText(sim, ['apply', '-f', 'web.yaml'])
    const started = performance.now()
    let frame = 0
    let lastSecond = -1
    const tick = () => {
      sim.advanceTo(performance.now() - started)
      const second = Math.floor(sim.now / 1000)
      if (second !== lastSecond) {
        lastSecond = second
        setView({
          applied,
          pods: kubectlText(sim, ['get', 'pods', '-o', 'wide']),
          claims: kubectlText(sim, ['get', 'pvc']),
          seconds: second,
        })
      }
      if (second < 120) frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [])

  return (
    <section className="preview" aria-label="Engine preview" data-testid="engine-preview">
      <h2>The engine, running in your browser</h2>
      <p className="note">
        Simulated cluster, real time (1×), timings simplified. <code>$ kubectl apply -f web.yaml</code>
      </p>
      <pre data-testid="applied">{view.applied}</pre>
      <p className="note">
        <code>$ kubectl get pods -o wide</code> — {view.seconds}s after apply
      </p>
      <pre data-testid="pods">{view.pods}</pre>
      <p className="note">
        <code>$ kubectl get pvc</code>
      </p>
      <pre data-testid="claims">{view.claims}</pre>
    </section>
  )
}
