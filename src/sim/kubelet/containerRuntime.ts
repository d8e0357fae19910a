// The container runtime side of the kubelet: runs commands in a container (`kubectl exec`, exec
// probes, a container's run-once main process), answers TCP and HTTP probes from what the
// container's process listens on, and keeps container logs. Commands run on the simulated
// filesystem: the container's own layer plus its mounted volumes (files on a PV outlive pods).
import type { Container, Node, Pod, Probe } from '../model'
import type { SimContext } from '../simContext'
import { containerProcess, listeningPorts } from './containerProcess'
import { HTTP_GET, runInContainer, type ExecResult } from './exec'
import { isNodeStopped } from './nodePower'

export interface ProbeResult {
  ok: boolean
  message?: string
}

export class ContainerRuntime {
  constructor(private readonly ctx: SimContext) {}

  private logs(): Map<string, string> {
    return this.ctx.state.get('kubelet.logs', () => new Map<string, string>())
  }

  /** `kubectl exec`: runs argv in the named container, through its node's kubelet. */
  exec(pod: Pod, container: Container, argv: string[], stdin = ''): ExecResult {
    const nodeName = pod.spec.nodeName
    if (nodeName && isNodeStopped(this.ctx, nodeName)) {
      // The API server cannot reach a stopped node's kubelet (port 10250).
      const node = this.ctx.store.get<Node>('Node', undefined, nodeName)
      const ip = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? nodeName
      const stderr = `Error from server: error dialing backend: dial tcp ${ip}:10250: i/o timeout\n`
      return { stdout: '', stderr, exitCode: 1, startFailed: true }
    }
    return runInContainer(this.ctx, pod, container, argv, stdin)
  }

  /** A run-once main process: its output becomes the container's log. */
  runMain(pod: Pod, container: Container, argv: string[]): ExecResult {
    const result = runInContainer(this.ctx, pod, container, argv, '')
    const key = `${pod.metadata.uid}/${container.name}`
    this.logs().set(key, (this.logs().get(key) ?? '') + result.stdout + result.stderr)
    return result
  }

  containerLogs(pod: Pod, containerName: string): string {
    return this.logs().get(`${pod.metadata.uid}/${containerName}`) ?? ''
  }

  appendLog(pod: Pod, containerName: string, text: string): void {
    const key = `${pod.metadata.uid}/${containerName}`
    this.logs().set(key, (this.logs().get(key) ?? '') + text)
  }

  /** One probe attempt, with the kubelet's failure messages. */
  probe(pod: Pod, container: Container, probe: Probe, ip: string | undefined): ProbeResult {
    if (probe.exec) {
      const r = this.exec(pod, container, probe.exec.command)
      if (r.exitCode === 0) return { ok: true }
      const output = (r.stdout + r.stderr).trim()
      return {
        ok: false,
        message:
          output || `command ${JSON.stringify(probe.exec.command.join(' '))} exited with ${r.exitCode}`,
      }
    }
    const portSpec = probe.httpGet?.port ?? probe.tcpSocket?.port
    const port = resolvePort(container, portSpec)
    const listening = listeningPorts(containerProcess(container)).includes(port)
    const host = ip ?? ''
    if (probe.tcpSocket) {
      return listening
        ? { ok: true }
        : { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` }
    }
    if (probe.httpGet) {
      const path = probe.httpGet.path ?? '/'
      const url = `http://${host}:${port}${path}`
      if (!listening)
        return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` }
      const response = runInContainer(this.ctx, pod, container, [HTTP_GET, path], '')
      const status = response.exitCode
      return status >= 200 && status < 400
        ? { ok: true }
        : { ok: false, message: `HTTP probe failed with statuscode: ${status}` }
    }
    return { ok: true }
  }
}

function resolvePort(container: Container, port: number | string | undefined): number {
  if (typeof port === 'number') return port
  const named = container.ports?.find((p) => p.name === port)
  return named?.containerPort ?? Number(port)
}
