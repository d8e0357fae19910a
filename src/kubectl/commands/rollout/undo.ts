// kubectl rollout undo (pkg/cmd/rollout/rollout_undo.go): for each object, the kind's Rollbacker
// restores a revision's pod template; the name printer prints its result (`rolled back`, …).
import type { CommandOutcome, KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import { parseFlags, type FlagSpec } from '../../flags'
import { dryRunStrategy, withDryRun } from './dryRun'
import { finish } from './errors'
import { rollbackerFor } from './helpers/rollback'
import { checkOutput, printedObject } from './printFlags'
import { resolveTargets } from './targets'

const FLAGS: FlagSpec[] = [
  { name: 'to-revision', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', default: 'none' },
]

export function rolloutUndo(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const dryRun = dryRunStrategy(flags['dry-run'] as string)
  if (args.length === 0 && !(flags.filename as string[] | undefined)?.length)
    throw new KubectlError('required resource not specified')
  const output = flags.output as string | undefined
  checkOutput(output)
  const { objects, errors } = resolveTargets(env, args, flags, { allowEmptySelector: true })
  const api = env.sim.ctx.api
  for (const obj of objects) {
    try {
      const result = rollbackerFor(api.info(obj.kind)).rollback(
        api,
        obj,
        flags['to-revision'] as number,
        dryRun,
      )
      env.out(printedObject(obj, output, withDryRun(result, dryRun), env.readFile))
    } catch (e) {
      errors.push(e)
    }
  }
  return finish(env, errors)
}
