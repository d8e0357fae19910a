// How long things take in the simulated cluster, in milliseconds. These are the simulator's own
// choices (Kubernetes has no fixed durations): picked to look like a small local cluster such as
// kind, and jittered by the seeded rng. The UI and docs say that timings are simplified.

export interface Timings {
  /** Delay before a controller acts on a change it was told about (informer + work-queue latency). */
  controllerLatency: number
  schedulerLatency: number
  /** Retry period for a pod the scheduler could not place. */
  schedulerRetry: number
  /** Kubelet reaction to a pod bound to its node or marked for deletion. */
  kubeletLatency: number
  /** Sandbox creation and network setup before containers start. */
  sandbox: number
  /** Pulling an image the node does not have yet (per image, before size scaling). */
  imagePull: number
  containerCreate: number
  containerStart: number
  /** Time a well-behaved process (nginx) takes to exit on SIGTERM. */
  gracefulStop: number
  /** Provisioning a volume (local-path style). */
  provision: number
  jitter: number
}

export const DEFAULT_TIMINGS: Timings = {
  controllerLatency: 10,
  schedulerLatency: 15,
  schedulerRetry: 5000,
  kubeletLatency: 40,
  sandbox: 600,
  imagePull: 2500,
  containerCreate: 150,
  containerStart: 250,
  gracefulStop: 400,
  provision: 1200,
  jitter: 0.25,
}
