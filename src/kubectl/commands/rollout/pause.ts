// kubectl rollout pause and resume (rollout_pause.go, rollout_resume.go): only Deployments can
// be paused; every other kind gets `<resource> "<name>" pausing is not supported`.
import type { CommandOutcome, KubectlEnv } from '../../env'
import { pauseObject, resumeObject } from './helpers/objectRestarter'
import { runPatchVerb, type PatchVerb } from './patchVerb'

const PAUSE: PatchVerb = {
  change: (obj) => pauseObject(obj),
  done: 'paused',
  unchanged: () => ({ operation: 'already paused' }),
}

const RESUME: PatchVerb = {
  change: (obj) => resumeObject(obj),
  done: 'resumed',
  unchanged: () => ({ operation: 'already resumed' }),
}

export function rolloutPause(argv: string[], env: KubectlEnv): CommandOutcome {
  return runPatchVerb(PAUSE, argv, env)
}

export function rolloutResume(argv: string[], env: KubectlEnv): CommandOutcome {
  return runPatchVerb(RESUME, argv, env)
}
