// kubectl get/customcolumn.go: `-o custom-columns=NAME:.metadata.name,IP:.status.podIP`.
// Headers as given, each cell every jsonpath result joined by `,` (fmt.Sprint, so maps print
// Go-style), `<none>` when the path finds nothing, aligned by kubectl's table tabwriter.
import { KUBECTL_TABLE, TabWriter } from '../tabwriter'
import { escapeTerminal } from '../terminal'
import { goSprint } from './goFormat'
import { GoFloat, findResults } from './jsonpath/eval'
import { parseJsonPath } from './jsonpath/parser'
import type { JsonValue } from './unstructured'

export class CustomColumnsError extends Error {}

interface Column {
  header: string
  fieldSpec: string
}

/** RelaxedJSONPathExpression: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(path)
  if (!m)
    throw new CustomColumnsError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  return `{.${m[1] || m[2]}}`
}

export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec === '') throw new CustomColumnsError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const i = part.indexOf(':')
    if (i < 0)
      throw new CustomColumnsError(
        `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      )
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) }
  })
}

/** One table over `items` (the list's items, or the single object); returns the aligned text. */
export function printCustomColumns(items: readonly JsonValue[], spec: string, noHeaders = false): string {
  const columns = parseCustomColumnsSpec(spec)
  const parsers = columns.map((c) => parseJsonPath(c.fieldSpec))
  const tab = new TabWriter(KUBECTL_TABLE)
  if (!noHeaders) tab.write(`${columns.map((c) => c.header).join('\t')}\n`)
  for (const item of items) {
    const cells = parsers.map((p) => {
      const values = findResults(p, item, { allowMissingKeys: true })
      if (values.length === 0 || values[0]!.length === 0) return '<none>'
      return values
        .flat()
        .map((v) => escapeTerminal(v instanceof GoFloat ? String(v.value) : goSprint(v)))
        .join(',')
    })
    tab.write(`${cells.join('\t')}\n`)
  }
  return tab.flush()
}
