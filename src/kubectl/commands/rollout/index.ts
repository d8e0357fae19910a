// kubectl rollout (pkg/cmd/rollout/rollout.go): the subcommands and the group's help. Each
// subcommand finds a per-kind helper (polymorphichelpers), so a kind is added in ./helpers.
import type { CommandOutcome, KubectlEnv } from '../../env'
import { availableCommands, runGroup, type CommandGroup } from '../subcommands'
import { rolloutHistory } from './history'
import { rolloutPause, rolloutResume } from './pause'
import { rolloutRestart } from './restart'
import { rolloutStatus } from './status'
import { rolloutUndo } from './undo'

export { statefulSetRolloutStatus } from './status'

// templates.LongDesc renders the tab-indented first line as a Markdown code block, hence the
// line of eight spaces and the space before "Valid".
const HELP =
  'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n' +
  '  *  deployments\n  *  daemonsets\n  *  statefulsets\n\n' +
  'Examples:\n' +
  '  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n' +
  '  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n' +
  '  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n' +
  "  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx\n\n" +
  'Available Commands:\n' +
  availableCommands({
    history: 'View rollout history',
    pause: 'Mark the provided resource as paused',
    restart: 'Restart a resource',
    resume: 'Resume a paused resource',
    status: 'Show the status of the rollout',
    undo: 'Undo a previous rollout',
  }) +
  '\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\n' +
  'Use "kubectl rollout <command> --help" for more information about a given command.\n' +
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'

const ROLLOUT: CommandGroup = {
  name: 'rollout',
  subcommands: {
    history: rolloutHistory,
    pause: rolloutPause,
    restart: rolloutRestart,
    resume: rolloutResume,
    status: rolloutStatus,
    undo: rolloutUndo,
  },
  help: HELP,
  helpStream: 'out',
}

export function rollout(argv: string[], env: KubectlEnv): CommandOutcome {
  return runGroup(ROLLOUT, argv, env)
}
