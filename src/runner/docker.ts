// `docker pause NODE…` / `docker unpause NODE…` for session scripts: a kind node is a Docker
// container, and pausing it freezes its kubelet and containers — the way to make a node fail in a
// kind cluster, and what the engine's stopNode/startNode model. Other docker commands are not
// simulated. Prints each name, as docker does.
import type { Command } from '../shell/command'
import type { Simulation } from '../sim/simulation'
import { isNodeStopped, startNode, stopNode } from '../sim/kubelet/nodePower'

export function dockerCommand(sim: Simulation): Command {
  return (argv, io) => runDocker(sim, argv, io.stdout, io.stderr)
}

/** `docker pause|unpause NODE…` (argv[0] is `docker`); also the app console's way to fail a node. */
export function runDocker(
  sim: Simulation,
  argv: readonly string[],
  stdout: (text: string) => void,
  stderr: (text: string) => void,
): number {
  const verb = argv[1]
  if (verb !== 'pause' && verb !== 'unpause') {
    stderr(`docker: '${verb ?? ''}' is not a docker command (Ordinal simulates pause and unpause).\n`)
    return 1
  }
  const names = argv.slice(2)
  if (names.length === 0) {
    stderr(`"docker ${verb}" requires at least 1 argument.\n`)
    return 1
  }
  let status = 0
  for (const name of names) {
    if (!sim.ctx.store.get('Node', undefined, name)) {
      stderr(`Error response from daemon: No such container: ${name}\n`)
      status = 1
    } else if (verb === 'pause' ? isNodeStopped(sim.ctx, name) : !isNodeStopped(sim.ctx, name)) {
      stderr(
        `Error response from daemon: Container ${name} is ${verb === 'pause' ? 'already' : 'not'} paused\n`,
      )
      status = 1
    } else {
      if (verb === 'pause') stopNode(sim, name)
      else startNode(sim, name)
      stdout(`${name}\n`)
    }
  }
  return status
}
