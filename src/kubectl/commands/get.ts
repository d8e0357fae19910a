// kubectl get (pkg/cmd/get): tables (server-side columns, `-o wide`), the generic printers
// (yaml/json/name/jsonpath/go-template/custom-columns, `--template` alone meaning go-template),
// `-A`, `-l`, `--field-selector`, and `-w` watching:
// the current list first (unless --watch-only), then one row per watch event, widths remembered.
import type { KubeObject } from '../../sim/model'
import type { WatchEvent } from '../../sim/api/store'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { selectObjects } from '../select'
import { parseFieldSelector, parseLabelSelector } from '../selectors'
import { createTableWriter, printNoResources, printTable, printTables } from '../printers/table'
import { printOutput } from '../printers/output'

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'show-kind', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'sort-by', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
]

export const ENDPOINTS_WARNING =
  'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n'

const GENERIC = [
  'yaml',
  'json',
  'name',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'custom-columns',
]

export function get(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args: before, rest } = parseFlags(argv, FLAGS)
  const args = [...before, ...(rest ?? [])]
  // `--template` without -o means go-template; with it, -o must name the format alone.
  const template = (flags.template as string | undefined) || undefined
  const given = flags.output as string | undefined
  const output = !given && template ? 'go-template' : given
  const format = template ? output : output?.split('=')[0]
  if (output !== undefined && format !== 'wide' && !GENERIC.includes(format!)) {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    )
  }
  const targets = parseResourceArgs(args)
  if (targets.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    )
  }
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  const allNamespaces = !!flags['all-namespaces']
  // The API server's deprecation warning, which kubectl relays on stderr.
  if (targets.some((t) => t.info.kind === 'Endpoints')) env.err(ENDPOINTS_WARNING)
  const selection = selectObjects(env.sim.ctx.api, targets, {
    namespace,
    allNamespaces,
    labelSelector: flags.selector as string | undefined,
    fieldSelector: flags['field-selector'] as string | undefined,
  })
  const nowMs = () => env.sim.now
  const tableOpts = {
    wide: output === 'wide',
    noHeaders: !!flags['no-headers'],
    withNamespace: allNamespaces,
    showLabels: !!flags['show-labels'],
    labelColumns: (flags['label-columns'] as string[] | undefined) ?? [],
  }
  const watch = !!flags.watch || !!flags['watch-only']
  const named = targets.some((t) => t.names)

  if (watch) {
    if (targets.length > 1)
      throw new KubectlError(
        `watch is only supported on individual resources and resource collections, but ${targets.length} resources were found`,
      )
    return watchObjects(
      env,
      targets[0]!.info.kind,
      selection.objects,
      { ...tableOpts, nowMs },
      flags,
      named ? targets[0]!.names : undefined,
      namespace,
      allNamespaces,
    )
  }

  if (format && format !== 'wide') {
    // printGeneric: a lone named object that failed to fetch reports only that error.
    const singleItemImplied = named && targets.length === 1 && targets[0]!.names!.length === 1
    if (singleItemImplied && selection.errors.length && !flags['ignore-not-found']) {
      for (const e of selection.errors) env.err(errorText(e) + '\n')
      return 1
    }
    const result = printOutput(selection.objects, {
      output: output!,
      singleItem: singleItemImplied && selection.objects.length === 1,
      noHeaders: !!flags['no-headers'],
      allowMissingTemplateKeys: flags['allow-missing-template-keys'] as boolean,
      ...(template ? { template } : {}),
      readFile: (path) => env.readFile(path),
    })
    if (result.printerError) {
      env.err(result.stderr)
      return 1
    }
    env.out(result.stdout)
    if (result.stderr) env.err(result.stderr)
    for (const e of selection.errors) env.err(errorText(e) + '\n')
    return result.exitCode || (selection.errors.length ? 1 : 0)
  }
  const groups = targets.map((t) => ({
    kind: t.info.kind,
    objects: selection.objects.filter((o) => o.kind === t.info.kind),
  }))
  const text = printTables(groups, { ...tableOpts, nowMs: nowMs() })
  env.out(text)
  for (const e of selection.errors) env.err(errorText(e) + '\n')
  if (!named && selection.objects.length === 0)
    env.err(printNoResources(allNamespaces ? undefined : namespace))
  return selection.errors.length && !flags['ignore-not-found'] ? 1 : 0
}

function watchObjects(
  env: KubectlEnv,
  kind: string,
  initial: KubeObject[],
  opts: {
    wide: boolean
    noHeaders: boolean
    withNamespace: boolean
    showLabels: boolean
    labelColumns: readonly string[]
    nowMs: () => number
  },
  flags: Record<string, unknown>,
  names: string[] | undefined,
  namespace: string,
  allNamespaces: boolean,
): CommandOutcome {
  const writer = createTableWriter()
  const withEvents = !!flags['output-watch-events']
  const print = (objects: KubeObject[], event?: WatchEvent['type']) =>
    env.out(
      printTable(objects, {
        kind,
        ...opts,
        nowMs: opts.nowMs(),
        writer,
        ...(withEvents && event ? { watchEvent: event } : {}),
      }),
    )
  if (!flags['watch-only'] && initial.length) print(initial, 'ADDED')
  const labels = flags.selector !== undefined ? parseLabelSelector(flags.selector as string) : undefined
  const fields =
    flags['field-selector'] !== undefined
      ? parseFieldSelector(flags['field-selector'] as string, kind)
      : undefined
  const unwatch = env.sim.ctx.store.watch((e) => {
    const obj = e.object
    if (obj.kind !== kind) return
    if (!allNamespaces && obj.metadata.namespace !== undefined && obj.metadata.namespace !== namespace) return
    if (names && !names.includes(obj.metadata.name)) return
    const matches = (o: KubeObject | undefined) => !!o && (!labels || labels(o)) && (!fields || fields(o))
    // An object that stops matching the selector arrives as DELETED, as the API server's watch filter does.
    if (!matches(obj) && !(e.type === 'MODIFIED' && matches(e.oldObject))) return
    print([obj], matches(obj) ? e.type : 'DELETED')
  })
  return {
    poll: () => false,
    finish: () => {
      unwatch()
      return 0
    },
  }
}
