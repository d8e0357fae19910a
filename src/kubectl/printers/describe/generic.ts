// describe.go genericDescriber, used for kinds without a describer of their own (here:
// ControllerRevision, Event): name, namespace, labels, annotations, then every other field in
// sorted order under smart labels (`apiVersion` → `API Version`), then the events.
import type { Event, KubeObject } from '../../../sim/model'
import { goSprint } from '../output/goFormat'
import { type JsonObject, type JsonValue, isObject, sortedKeys, toUnstructured } from '../output/unstructured'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer'

const SKIP = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]

export function describeGeneric(obj: KubeObject, events: readonly Event[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', obj.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
    printUnstructuredContent(w, LEVEL_0, toUnstructured(obj) as JsonObject, '')
    describeEvents(w, eventsFor(obj, events), nowMs)
  })
}

function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: JsonObject,
  skipPrefix: string,
): void {
  for (const field of sortedKeys(content)) {
    const value: JsonValue = content[field]!
    const path = `${skipPrefix}.${field}`
    if (SKIP.includes(path)) continue
    if (isObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value, path)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (isObject(child)) printUnstructuredContent(w, level + 1, child, path)
        else w.write(level + 1, `${goSprint(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`)
    }
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** smartLabelFor: camel-case words, title-cased, common acronyms upper-cased. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field
  return camelCaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)))
    .join(' ')
}

/** github.com/fatih/camelcase Split: runs of one character class, `ABCd` → `AB`, `Cd`. */
function camelCaseSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4)
  const runs: string[][] = []
  let last = 0
  for (const c of s) {
    const k = cls(c)
    if (k === last) runs[runs.length - 1]!.push(c)
    else runs.push([c])
    last = k
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!)
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}
