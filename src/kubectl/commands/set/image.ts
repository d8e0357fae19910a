// kubectl set image (pkg/cmd/set/set_image.go): sets container images in pods and pod templates,
// by container name or `*`, and prints `<kind>/<name> image updated` for each object it changed.
import type { Container, KubeObject } from '../../../sim/model'
import type { CommandOutcome, KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import { parseFlags, type FlagSpec, type FlagValues } from '../../flags'
import { loadManifests } from '../../manifests'
import { dryRunStrategy, withDryRun } from '../rollout/dryRun'
import { aggregateText, finish } from '../rollout/errors'
import { CHANGE_CAUSE_ANNOTATION } from '../rollout/helpers/historyPrinter'
import { checkOutput, printedObject } from '../rollout/printFlags'
import { resolveTargets } from '../rollout/targets'
import { calculatePatches } from './patches'
import { parsePairs, resourcesAndPairs } from './pairs'
import { updatePodSpecForObject } from './updatePodSpec'

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'field-manager', type: 'string' },
]

const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n'

export function setImage(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args, given } = parseFlags(argv, FLAGS)
  if (given.has('record')) env.err(RECORD_DEPRECATED)
  // Complete: flags, pairs, then the objects (a lookup failure ends the command here).
  const dryRun = dryRunStrategy(flags['dry-run'] as string)
  const output = flags.output as string | undefined
  checkOutput(output)
  const { resources, pairs } = resourcesAndPairs(args, 'image')
  const images = parsePairs(pairs, 'image')
  const local = flags.local as boolean
  if (local && resources.length > 0)
    throw new KubectlError(
      "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
    )
  const found = local
    ? fromFilesLocally(env, flags)
    : resolveTargets(env, resources, flags, { allowEmptySelector: flags.all as boolean })
  if (found.errors.length) {
    env.err(aggregateText(found.errors))
    return 1
  }
  const invalid = validate(flags, resources, images, dryRun === 'server')
  if (invalid.length) return finish(env, invalid)

  const errors: unknown[] = []
  const changeCause = flags.record ? recordedCommand(resources, pairs, flags, given) : undefined
  const patches = calculatePatches(found.objects, (obj) => {
    const updated = updatePodSpecForObject(obj, (spec) => {
      for (const [name, image] of images) {
        const inInit = setContainerImage(spec.initContainers, name, image)
        const inMain = setContainerImage(spec.containers, name, image)
        if (!inInit && !inMain)
          errors.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`))
      }
    })
    if (changeCause === undefined) return updated
    const metadata = {
      ...updated.metadata,
      annotations: { ...updated.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: changeCause },
    }
    return { ...updated, metadata }
  })
  const api = env.sim.ctx.api
  const operation = withDryRun('image updated', dryRun)
  for (const p of patches) {
    if (p.err) {
      errors.push(
        new Error(
          `error: ${api.info(p.original.kind).resource}/${p.original.metadata.name} ${p.err.message}\n`,
        ),
      )
      continue
    }
    if (!p.changed) continue
    if (local || dryRun === 'client') {
      env.out(printedObject(p.modified!, output, operation, env.readFile))
      continue
    }
    try {
      const actual = api.update(p.modified!, { dryRun: dryRun === 'server' })
      env.out(printedObject(actual, output, operation, env.readFile))
    } catch (e) {
      errors.push(
        new Error(
          `failed to patch image update to pod template: ${e instanceof Error ? e.message : String(e)}`,
        ),
      )
    }
  }
  return finish(env, errors)
}

/** SetImageOptions.Validate, all problems at once. */
function validate(
  flags: FlagValues,
  resources: string[],
  images: Map<string, string>,
  serverDryRun: boolean,
): Error[] {
  const errors: Error[] = []
  if (flags.all && flags.selector !== undefined)
    errors.push(new Error('cannot set --all and --selector at the same time'))
  if (resources.length < 1 && !(flags.filename as string[] | undefined)?.length)
    errors.push(
      new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    )
  if (images.size < 1) errors.push(new Error('at least one image update is required'))
  else if (images.size > 1 && images.has('*'))
    errors.push(
      new Error(
        'all containers are already specified by *, but saw more than one container_name=container_image pairs',
      ),
    )
  if (flags.local && serverDryRun)
    errors.push(new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'))
  return errors
}

/** setImage: the image of every container named `name` (all of them for `*`); whether any matched. */
function setContainerImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true
      c.image = image
    }
  }
  return found
}

/** --local: the objects of the files themselves; the server is not asked. */
function fromFilesLocally(env: KubectlEnv, flags: FlagValues): { objects: KubeObject[]; errors: unknown[] } {
  const files = (flags.filename as string[] | undefined) ?? []
  const loaded = loadManifests(env, files, flags.namespace as string | undefined)
  return {
    objects: loaded.items.map((i) => i.object),
    errors: loaded.errors.map((text) => new KubectlError(text.replace(/^error: /, ''))),
  }
}

/** RecordFlags' change-cause: the command path, its arguments, then every flag given as --name=value. */
function recordedCommand(
  resources: string[],
  pairs: string[],
  flags: FlagValues,
  given: Set<string>,
): string {
  const args = [...resources, ...pairs]
  const flagText = [...given]
    .map((name) => {
      const v = flags[name]
      return ` --${name}=${Array.isArray(v) ? `[${v.join(',')}]` : String(v)}`
    })
    .join('')
  return `kubectl set image${args.length ? ' ' + args.join(' ') : ''}${flagText}`
}
