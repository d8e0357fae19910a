// A headless cluster for scenario tests: apply manifests, run time forward with invariants
// checked after every task, and look at pods and events.
import { load } from 'js-yaml'
import type { Event, KubeObject, Pod } from '../model'
import { Simulation, type SimulationOptions } from '../simulation'
import { checkInvariants, watchInvariants } from './invariants'

export class TestCluster {
  readonly sim: Simulation
  readonly violations: string[] = []
  /** Claims the user deleted (a claim may be deleted only by the user or a retention policy). */
  readonly claimsDeletedByUser = new Set<string>()

  constructor(options: SimulationOptions = {}) {
    this.sim = new Simulation(options)
    watchInvariants(
      this.sim,
      (p) => this.violations.push(`t=${this.sim.now}: ${p}`),
      (claim) => this.claimsDeletedByUser.has(claim),
    )
  }

  get api() {
    return this.sim.ctx.api
  }

  /** Creates (or replaces the spec of) each YAML document. */
  apply(yaml: string): void {
    for (const doc of yaml.split(/^---$/m)) {
      const obj = load(doc) as KubeObject | null
      if (!obj) continue
      const live = this.api.tryGet<KubeObject>(
        obj.kind,
        obj.metadata.namespace ?? 'default',
        obj.metadata.name,
      )
      if (live)
        this.api.update({ ...live, ...obj, metadata: { ...live.metadata, ...obj.metadata } } as KubeObject)
      else this.api.create(obj)
    }
  }

  /** Advances `ms`, checking invariants after every task. */
  run(ms: number): void {
    const deadline = this.sim.now + ms
    for (;;) {
      const next = this.sim.nextTaskTime()
      if (next === undefined || next > deadline) break
      this.sim.step()
      const problems = checkInvariants(this.sim)
      if (problems.length) this.violations.push(...problems.map((p) => `t=${this.sim.now}: ${p}`))
    }
    this.sim.advanceTo(deadline)
  }

  /** Advances until `done` holds (invariants checked throughout); throws after `limitMs`. */
  runUntil(done: () => boolean, limitMs = 600_000): void {
    const deadline = this.sim.now + limitMs
    while (!done()) {
      const next = this.sim.nextTaskTime()
      if (next === undefined || next > deadline) throw new Error(`condition not reached within ${limitMs} ms`)
      this.sim.step()
      const problems = checkInvariants(this.sim)
      if (problems.length) this.violations.push(...problems.map((p) => `t=${this.sim.now}: ${p}`))
    }
  }

  pods(namespace = 'default'): Pod[] {
    return this.api.list<Pod>('Pod', namespace)
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.tryGet<Pod>('Pod', namespace, name)
  }

  readyPods(namespace = 'default'): string[] {
    return this.pods(namespace)
      .filter(
        (p) =>
          p.status.phase === 'Running' &&
          p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      )
      .map((p) => p.metadata.name)
  }

  events(namespace = 'default'): Event[] {
    return this.api.list<Event>('Event', namespace)
  }

  eventMessages(involvedName: string, namespace = 'default'): string[] {
    return this.events(namespace)
      .filter((e) => e.involvedObject.name === involvedName)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => `${e.type} ${e.reason} ${e.message}`)
  }
}

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
  namespace: default
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      terminationGracePeriodSeconds: 10
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
