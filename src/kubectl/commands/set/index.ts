// kubectl set (pkg/cmd/set/set.go): the group and its help. Ordinal simulates `set image`; the
// other subcommands are listed in the help, as kubectl lists them, but not run.
import type { CommandOutcome, KubectlEnv } from '../../env'
import { availableCommands, runGroup, type CommandGroup } from '../subcommands'
import { setImage } from './image'

// templates.LongDesc renders each paragraph after the first with a leading space.
const HELP =
  'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\n' +
  'Available Commands:\n' +
  availableCommands({
    env: 'Update environment variables on a pod template',
    image: 'Update the image of a pod template',
    resources: 'Update resource requests/limits on objects with pod templates',
    selector: 'Set the selector on a resource',
    serviceaccount: 'Update the service account of a resource',
    subject: 'Update the user, group, or service account in a role binding or cluster role binding',
  }) +
  '\nUsage:\n  kubectl set SUBCOMMAND [options]\n\n' +
  'Use "kubectl set <command> --help" for more information about a given command.\n' +
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'

const SET: CommandGroup = {
  name: 'set',
  subcommands: { image: setImage },
  help: HELP,
  helpStream: 'err',
}

export function set(argv: string[], env: KubectlEnv): CommandOutcome {
  return runGroup(SET, argv, env)
}
