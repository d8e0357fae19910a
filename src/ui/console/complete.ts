// Tab completion for the console, as bash's kubectl completion would offer it: verbs first, then
// resource types (or `type/name`), then the names of objects of that type. Pure: the page passes
// the verbs, the kinds it knows and a lookup of object names from the current snapshot.
import { KINDS, resolveResource } from '../../sim/model/kinds'

export interface CompletionSource {
  readonly verbs: readonly string[]
  /** Names of the objects of a kind (`Pod`, `StatefulSet`, …) that exist now. */
  readonly names: (kind: string) => readonly string[]
}

export interface Completion {
  /** The line with the word under completion extended (unchanged when nothing matched). */
  readonly line: string
  /** Every candidate when more than one matched (to show the user), otherwise empty. */
  readonly candidates: readonly string[]
}

const RESOURCES = KINDS.map((k) => k.resource)

/** Flags whose value is the next word (so that word is not a positional argument). */
const VALUE_FLAGS = new Set([
  '-o',
  '--output',
  '-n',
  '--namespace',
  '-l',
  '--selector',
  '-f',
  '--filename',
  '-c',
  '--container',
  '-p',
  '--patch',
])
const OUTPUT_FORMATS = ['wide', 'yaml', 'json', 'name', 'jsonpath=', 'custom-columns=']
const FLAGS: Record<string, readonly string[]> = {
  get: ['--watch', '--output', '--selector', '--show-labels', '--all-namespaces'],
  describe: ['--selector'],
  delete: ['--wait=false', '--grace-period=', '--selector', '--all'],
  scale: ['--replicas='],
  wait: ['--for=condition=Ready', '--for=delete', '--timeout='],
  logs: ['--follow', '--container'],
  apply: ['--filename'],
}
/** Verbs whose first argument is a resource type (or `type/name`). */
const TYPED = new Set([
  'get',
  'describe',
  'delete',
  'scale',
  'patch',
  'wait',
  'rollout history',
  'rollout pause',
  'rollout restart',
  'rollout resume',
  'rollout status',
  'rollout undo',
  'set image',
])
/** Command groups: the word after the group is one of its subcommands. */
const GROUPS: Record<string, readonly string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['image'],
}
/** Verbs whose first argument is a pod. */
const POD_VERBS = new Set(['logs', 'exec'])

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? ''
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}

function kindOf(type: string): string | undefined {
  return resolveResource(type)?.kind
}

/** What the word at the end of `prior` positional arguments may be. */
function candidatesFor(
  positional: readonly string[],
  word: string,
  src: CompletionSource,
): readonly string[] {
  if (positional.length === 0) return src.verbs
  let verb = positional[0]!
  let args = positional.slice(1)
  const subcommands = GROUPS[verb]
  if (subcommands) {
    if (args.length === 0) return subcommands
    verb = `${verb} ${args[0]}`
    args = args.slice(1)
  }
  if (POD_VERBS.has(verb)) return args.length === 0 ? src.names('Pod') : []
  if (!TYPED.has(verb)) return []
  if (args.length === 0) {
    const slash = word.indexOf('/')
    if (slash >= 0) {
      const type = word.slice(0, slash)
      const kind = kindOf(type)
      return kind ? src.names(kind).map((n) => `${type}/${n}`) : []
    }
    const comma = word.lastIndexOf(',')
    if (comma >= 0 && verb === 'get') return RESOURCES.map((r) => word.slice(0, comma + 1) + r)
    return RESOURCES
  }
  const type = args[0]!
  if (type.includes('/') || type.includes(',')) return []
  const kind = kindOf(type)
  return kind ? src.names(kind) : []
}

/** Completes the last word of `line` (the cursor is at its end). */
export function complete(line: string, src: CompletionSource): Completion {
  const at = line.search(/\S*$/)
  const word = line.slice(at)
  const words = line.slice(0, at).trim().split(/\s+/).filter(Boolean)
  if (words[0] === 'kubectl') words.shift()
  const previous = words.at(-1)
  let options: readonly string[]
  if (previous === '-o' || previous === '--output') options = OUTPUT_FORMATS
  else if (word.startsWith('-')) options = FLAGS[words[0] ?? ''] ?? []
  else {
    const positional: string[] = []
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      if (w.startsWith('-')) {
        if (VALUE_FLAGS.has(w)) i++
      } else positional.push(w)
    }
    options = candidatesFor(positional, word, src)
  }
  const matches = [...new Set(options.filter((o) => o.startsWith(word)))].sort()
  if (matches.length === 0) return { line, candidates: [] }
  if (matches.length === 1) {
    const only = matches[0]!
    const open = only.endsWith('=') || only.endsWith('/')
    return { line: line.slice(0, at) + only + (open ? '' : ' '), candidates: [] }
  }
  return { line: line.slice(0, at) + commonPrefix(matches), candidates: matches }
}
