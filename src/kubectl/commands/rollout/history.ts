// kubectl rollout history (pkg/cmd/rollout/rollout_history.go): for each object, the name
// printer with the operation `\n<history>` or `with revision #N\n<pod template>`; with -o, the
// object as it was at each revision.
import type { KubeObject } from '../../../sim/model'
import type { CommandOutcome, KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import { parseFlags, type FlagSpec } from '../../flags'
import { finish } from './errors'
import { historyViewerFor } from './helpers/history'
import { checkOutput, printedObject } from './printFlags'
import { resolveTargets } from './targets'

const FLAGS: FlagSpec[] = [
  { name: 'revision', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
]

export function rolloutHistory(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const revision = flags.revision as number
  if (args.length === 0 && !(flags.filename as string[] | undefined)?.length)
    throw new KubectlError('required resource not specified')
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`)
  const output = flags.output as string | undefined
  checkOutput(output)
  const { objects, errors } = resolveTargets(env, args, flags, { allowEmptySelector: true })
  const api = env.sim.ctx.api
  for (const obj of objects) {
    try {
      const viewer = historyViewerFor(api.info(obj.kind))
      if (output !== undefined) {
        printRevisions(env, viewer.getHistory(api, obj), revision, output)
        continue
      }
      const history = viewer.viewHistory(api, obj, revision)
      const withRevision = revision > 0 ? `with revision #${revision}` : ''
      env.out(printedObject(obj, undefined, `${withRevision}\n${history}`))
    } catch (e) {
      errors.push(e)
    }
  }
  return finish(env, errors)
}

/** `-o yaml|json|name`: each revision's object, oldest first (the YAML printer separates them with ---). */
function printRevisions(
  env: KubectlEnv,
  history: Map<number, KubeObject>,
  revision: number,
  output: string,
): void {
  const chosen =
    revision > 0
      ? [history.get(revision)].filter((o): o is KubeObject => o !== undefined)
      : [...history.keys()].sort((a, b) => a - b).map((r) => history.get(r)!)
  if (revision > 0 && chosen.length === 0) throw new Error('unable to find the specified revision')
  chosen.forEach((obj, i) =>
    env.out((i > 0 && output === 'yaml' ? '---\n' : '') + printedObject(obj, output, '', env.readFile)),
  )
}
