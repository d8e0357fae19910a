// What a container's main process does, decided from its command and image: serve until
// stopped, sleep for a while, or run a command once and exit. The simulator does not run
// images; this is the behaviour model the UI and docs describe.
import type { Container } from '../model'
import { imageInfo } from './images'

export type ContainerProcess =
  | { kind: 'server'; listens: number[]; stopSeconds?: number }
  | { kind: 'sleep'; seconds: number; listens: number[] }
  | { kind: 'run'; argv: string[] }

const processes = new WeakMap<object, ContainerProcess>()

/** The process for `container`; `sleep` and shell loops run without output until stopped. */
export function containerProcess(container: Container): ContainerProcess {
  let p = processes.get(container)
  if (!p) {
    p = decideProcess(container)
    if (Object.isFrozen(container)) processes.set(container, p)
  }
  return p
}

function decideProcess(container: Container): ContainerProcess {
  const info = imageInfo(container.image ?? '')
  const argv = [...(container.command ?? []), ...(container.args ?? [])]
  if (argv.length === 0) {
    return info.defaultProcess === 'server'
      ? {
          kind: 'server',
          listens: info.listens,
          ...(info.stopSeconds !== undefined ? { stopSeconds: info.stopSeconds } : {}),
        }
      : { kind: 'run', argv: ['sh'] }
  }
  const script = shellScript(argv)
  const words = (script ?? argv.join(' ')).trim().split(/\s+/)
  if (words[0] === 'sleep' && words.length === 2 && /^(\d+(\.\d+)?|infinity)$/.test(words[1]!)) {
    return { kind: 'sleep', seconds: words[1] === 'infinity' ? Infinity : Number(words[1]), listens: [] }
  }
  if (script !== undefined && /^\s*(while\s+true|tail\s+-f|trap\b)/.test(script))
    return { kind: 'sleep', seconds: Infinity, listens: [] }
  if (words[0] === 'nginx' || /(^|\/)nginx$/.test(argv[0]!))
    return { kind: 'server', listens: [80], stopSeconds: 0.3 }
  return { kind: 'run', argv }
}

function shellScript(argv: string[]): string | undefined {
  const sh = argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' || argv[0] === '/bin/bash'
  return sh && argv[1] === '-c' ? argv[2] : undefined
}

/** Ports the process accepts TCP connections on (for tcpSocket / httpGet probes and curl). */
export function listeningPorts(p: ContainerProcess): number[] {
  return p.kind === 'run' ? [] : p.listens
}
