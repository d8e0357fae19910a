// kubectl rollout restart (pkg/cmd/rollout/rollout_restart.go): stamps the pod template with
// kubectl.kubernetes.io/restartedAt (the simulated time, RFC 3339), which starts a rollout.
import type { CommandOutcome, KubectlEnv } from '../../env'
import { restartObject } from './helpers/objectRestarter'
import { runPatchVerb, type PatchVerb } from './patchVerb'

const RESTART: PatchVerb = {
  change: (obj, env) => restartObject(obj, env.sim.ctx.api.now()),
  done: 'restarted',
  unchanged: (obj) => ({
    error: new Error(
      `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    ),
  }),
}

export function rolloutRestart(argv: string[], env: KubectlEnv): CommandOutcome {
  return runPatchVerb(RESTART, argv, env)
}
