// The facts that make a benchmark's figures comparable: CPU, memory, OS, Node, Chromium, and how
// busy the machine was (a shared VM: other work on it shows up in every timing).
import * as fs from 'node:fs'
import { createHash } from 'node:crypto'
import * as os from 'node:os'

export interface Machine {
  cpuModel: string
  cpus: number
  memoryGiB: number
  os: string
  kernel: string
  node: string
  chromium?: string
  /** How busy the machine was when the bench started and when it ended. */
  atStart: Busy
  atEnd?: Busy
}

export interface Busy {
  /** 1, 5 and 15-minute load averages. */
  load: number[]
  /** cpuProbeMs(), three times. */
  probeMs: number[]
}

function osName(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8')
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? os.type()
  } catch {
    return `${os.type()} ${os.release()}`
  }
}

export function machineFacts(): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cpus: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    kernel: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    atStart: busyNow(),
  }
}

export function busyNow(): Busy {
  return {
    load: os.loadavg().map((l) => Math.round(l * 100) / 100),
    probeMs: [cpuProbeMs(), cpuProbeMs(), cpuProbeMs()],
  }
}

/**
 * A fixed piece of CPU work (a JS loop and a SHA-256 over 8 MB), timed: on a shared machine it
 * shows how much CPU the bench got. Compare it between runs: about 120 ms on this project's 2-core
 * VM when the bench has a core to itself, 150–800 ms when other work shares it.
 */
export function cpuProbeMs(): number {
  const started = performance.now()
  let x = 0
  for (let i = 0; i < 20_000_000; i++) x = (x * 31 + i) % 1_000_003
  createHash('sha256')
    .update(Buffer.alloc(8 * 2 ** 20, x & 0xff))
    .digest()
  return Math.round(performance.now() - started)
}
