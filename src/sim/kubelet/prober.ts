// The kubelet's readiness prober (pkg/kubelet/prober): first probe after initialDelaySeconds,
// then every periodSeconds; successThreshold consecutive successes make the container Ready,
// failureThreshold consecutive failures make it unready. Failures record `Unhealthy` events in
// the kubelet's words. (Liveness and startup probes are not simulated yet.)
import type { Pod, Probe } from '../model'
import type { SimContext } from '../simContext'
import type { Kubelet, PodRuntime } from './kubelet'
import { readinessConditions } from './podStatus'

interface ProbeCounters {
  readonly successes: number
  readonly failures: number
}

export class Prober {
  constructor(
    private readonly ctx: SimContext,
    private readonly kubelet: Kubelet,
  ) {}

  private counters(): Map<string, ProbeCounters> {
    return this.ctx.state.get('kubelet.probes', () => new Map<string, ProbeCounters>())
  }

  start(rt: PodRuntime, i: number, probe: Probe): void {
    this.counters().delete(`${rt.uid}/${i}`)
    this.kubelet.schedule(Math.max(0, probe.initialDelaySeconds ?? 0) * 1000 + 50, 'kubelet.probe', rt, {
      container: i,
    })
  }

  probe(pod: Pod, rt: PodRuntime, i: number): void {
    const container = pod.spec.containers[i]!
    const probe = container.readinessProbe
    const status = pod.status.containerStatuses?.[i]
    if (!probe || !status?.state.running) return
    const result = this.kubelet.runtime.probe(pod, container, probe, rt.ip)
    const key = `${rt.uid}/${i}`
    const prev = this.counters().get(key) ?? { successes: 0, failures: 0 }
    const next = result.ok
      ? { successes: prev.successes + 1, failures: 0 }
      : { successes: 0, failures: prev.failures + 1 }
    this.counters().set(key, next)
    if (!result.ok) {
      this.ctx.recorder.record(
        pod,
        'Warning',
        'Unhealthy',
        `Readiness probe failed: ${result.message}`,
        'kubelet',
        pod.spec.nodeName,
      )
    }
    const ready =
      next.successes >= (probe.successThreshold ?? 1)
        ? true
        : next.failures >= (probe.failureThreshold ?? 3)
          ? false
          : status.ready
    if (ready !== status.ready) {
      const now = this.ctx.api.now()
      const containerStatuses = pod.status.containerStatuses!.map((s, j) => (j === i ? { ...s, ready } : s))
      const updated = { ...pod.status, containerStatuses }
      updated.conditions = readinessConditions(updated, now)
      this.ctx.api.updateStatus<Pod>({ ...pod, status: updated })
    }
    this.kubelet.schedule((probe.periodSeconds ?? 10) * 1000, 'kubelet.probe', rt, { container: i })
  }
}
