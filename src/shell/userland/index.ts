// The programs a container image carries, built for one exec: busybox's applets or Debian's
// coreutils, hostname, dash, bash and curl. Which of them an image has is the caller's choice
// (see src/sim/kubelet/containerCommands.ts).
import type { Command } from '../command'
import { fileApplets } from './fileApplets'
import type { ContainerHost, Flavour } from './host'
import { lsCommand } from './ls'
import { netApplets } from './netApplets'
import { systemApplets, type ExecSession } from './systemApplets'

export type { ContainerHost, Flavour, HttpRequest, HttpResult, ProcessOutput } from './host'
export type { ExecSession } from './systemApplets'

/** Every program this simulator implements, by name. `names` picks the ones an image has. */
export function createApplets(
  flavour: Flavour,
  host: ContainerHost,
  session: ExecSession,
  names: readonly string[],
): Record<string, Command> {
  const table: Record<string, Command> = {}
  const all: Record<string, Command> = {
    ...fileApplets(flavour),
    ls: lsCommand(flavour, host),
    ...systemApplets(flavour, host, session, () => table),
    ...netApplets(host),
  }
  for (const name of names) {
    const applet = all[name]
    if (applet === undefined) throw new Error(`no applet named ${name}`)
    table[name] = applet
  }
  return table
}
