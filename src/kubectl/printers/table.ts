// cli-runtime tableprinter.go (HumanReadablePrinter.PrintObj, decorateTable, printTable) and the
// table half of kubectl get.go: header printed once per column set, `-o wide`, `--no-headers`,
// NAMESPACE for `-A`, `kind/name` when several kinds are listed, and one tabwriter with
// RememberWidths so that a `get -w` stream only ever widens later lines.
import { kindInfo } from '../../sim/model/kinds'
import type { KubeObject } from '../../sim/model'
import { type ColumnDefinition, tableHandler } from './columns'
import { formatLabelMap } from './columns/util'
import { KUBECTL_TABLE, TabWriter } from './tabwriter'
import { escapeTerminal } from './terminal'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR'

export interface TableOptions {
  kind: string
  nowMs: number
  wide?: boolean
  noHeaders?: boolean
  /** `-A`: a NAMESPACE column first (ignored for cluster-scoped kinds, as kubectl get does). */
  withNamespace?: boolean
  /** Prefix names with `pod/`, `statefulset.apps/`… (kubectl does when several kinds are listed). */
  withKind?: boolean
  /** Reuse across calls for a watch stream: headers once, widths remembered. */
  writer?: TableWriter
  /** `--show-labels`: a LABELS column last (`app=nginx,…` or `<none>`). */
  showLabels?: boolean
  /** `-L key,…`: a column per key, before LABELS, headed by the key's last `/` segment upper-cased. */
  labelColumns?: readonly string[]
  /** `--output-watch-events`: an EVENT column (`ADDED   `, `MODIFIED`…) before everything else. */
  watchEvent?: WatchEventType
}

/**
 * The printer state kubectl keeps for one `get` (or one `get -w`): the tabwriter and what the
 * HumanReadablePrinter remembers (columns last printed, whether a header was printed).
 */
export class TableWriter {
  readonly tab = new TabWriter(KUBECTL_TABLE)
  lastColumns: string | undefined
  printedHeaders = false

  /** A new resource type in `kubectl get a,b`: fresh printer, widths forgotten. */
  resetForNewKind(): void {
    this.lastColumns = undefined
    this.printedHeaders = false
    this.tab.setRememberedWidths(null)
  }
}

export function createTableWriter(): TableWriter {
  return new TableWriter()
}

/**
 * Prints `objects` (all of `opts.kind`) as one server-side table and flushes: returns the text
 * kubectl writes to stdout for it. Empty `objects` print nothing — the caller reports
 * `printNoResources` on stderr when a whole `get` printed nothing.
 */
export function printTable(objects: readonly KubeObject[], opts: TableOptions): string {
  const writer = opts.writer ?? new TableWriter()
  writeTable(writer, objects, opts)
  return writer.tab.flush()
}

export interface TableGroup {
  kind: string
  objects: readonly KubeObject[]
}

/**
 * `kubectl get a,b,c` (or `get all`): one table per kind, in order, each with its own header, a
 * blank line between kinds that printed something, and `kind/name` once more than one kind has
 * objects. Returns stdout; empty when nothing at all was found.
 */
export function printTables(
  groups: readonly TableGroup[],
  opts: Omit<TableOptions, 'kind' | 'writer' | 'withKind' | 'watchEvent'>,
): string {
  const writer = new TableWriter()
  const kinds = new Set(groups.filter((g) => g.objects.length > 0).map((g) => g.kind))
  const withKind = kinds.size > 1
  let out = ''
  let separator = false
  let lastKind: string | undefined
  const emit = (text: string) => {
    if (text === '') return
    if (separator) out += '\n'
    separator = false
    out += text
  }
  for (const g of groups) {
    if (g.kind !== lastKind) {
      emit(writer.tab.flush())
      writer.resetForNewKind()
      if (lastKind !== undefined && !opts.noHeaders && out.length > 0) separator = true
      lastKind = g.kind
    }
    writeTable(writer, g.objects, { ...opts, kind: g.kind, withKind })
  }
  emit(writer.tab.flush())
  return out
}

/** `No resources found in default namespace.` (stderr), or `No resources found` across namespaces. */
export function printNoResources(namespace?: string): string {
  return namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n'
}

/** HumanReadablePrinter.PrintObj for a Table, writing into (not flushing) the tabwriter. */
function writeTable(writer: TableWriter, objects: readonly KubeObject[], opts: TableOptions): void {
  const handler = tableHandler(opts.kind)
  let noHeaders = !!opts.noHeaders
  if (writer.printedHeaders && writer.lastColumns === opts.kind) noHeaders = true
  if (writer.lastColumns !== opts.kind) {
    writer.lastColumns = opts.kind
    writer.printedHeaders = false
  }
  if (objects.length > 0) writer.printedHeaders = true

  let columns: ColumnDefinition[] = [...handler.columns]
  let rows = objects.map((o) => handler.row(o, opts.nowMs))

  // decorateTable: NAMESPACE first, `kind/` on the name column.
  const namespaced = kindInfo(opts.kind)?.namespaced ?? true
  if (opts.withKind) {
    const nameColumn = columns.findIndex((c) => c.format === 'name')
    if (nameColumn >= 0)
      rows = rows.map((r) =>
        r.map((cell, i) => (i === nameColumn ? `${kindPrefix(opts.kind)}/${cell}` : cell)),
      )
  }
  // decorateTable: formatLabelHeaders and labelValues (an absent label is an empty cell).
  const labelColumns = opts.labelColumns ?? []
  if (labelColumns.length) {
    columns = [...columns, ...labelColumns.map((key) => ({ name: key.split('/').pop()!.toUpperCase() }))]
    rows = rows.map((r, i) => [...r, ...labelColumns.map((key) => objects[i]!.metadata.labels?.[key] ?? '')])
  }
  if (opts.showLabels) {
    columns = [...columns, { name: 'Labels' }]
    rows = rows.map((r, i) => [...r, formatLabelMap(objects[i]!.metadata.labels)])
  }
  if (opts.withNamespace && namespaced) {
    columns = [{ name: 'Namespace' }, ...columns]
    rows = rows.map((r, i) => [objects[i]!.metadata.namespace ?? '', ...r])
  }
  if (opts.watchEvent) {
    columns = [{ name: 'Event' }, ...columns]
    rows = rows.map((r) => [opts.watchEvent!.padEnd(8), ...r])
  }
  writer.tab.write(renderTable(columns, rows, !!opts.wide, noHeaders))
}

/** `pod`, `statefulset.apps`, `storageclass.storage.k8s.io`: strings.ToLower(GroupKind.String()). */
function kindPrefix(kind: string): string {
  const info = kindInfo(kind)
  return (info?.group ? `${kind}.${info.group}` : kind).toLowerCase()
}

/**
 * tableprinter.go printTable: tab-separated header and rows for the visible columns. Headers (or,
 * with --no-headers, the first row) are padded to the widest cell so the first tabwriter flush
 * already has the final widths; cells are cut at the first line break with `...`.
 */
function renderTable(
  columns: ColumnDefinition[],
  rows: string[][],
  wide: boolean,
  noHeaders: boolean,
): string {
  const visible = columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || !c.priority)
  if (rows.length === 0) return ''
  // Widths are measured on the raw cells, as Go does, before truncation and escaping.
  const raw = rows.map((r) => visible.map(({ i }) => r[i] ?? ''))
  const maxWidths = visible.map((_, j) => Math.max(0, ...raw.map((r) => utf8Length(r[j]!))))
  const last = visible.length - 1
  const padding = (rawText: string, j: number) =>
    j === last ? '' : ' '.repeat(Math.max(0, maxWidths[j]! - utf8Length(rawText)))
  let out = ''
  if (!noHeaders)
    out +=
      visible.map(({ c }, j) => c.name.toUpperCase() + padding(c.name.toUpperCase(), j)).join('\t') + '\n'
  raw.forEach((r, ri) => {
    out +=
      r.map((cell, j) => cellText(cell) + (noHeaders && ri === 0 ? padding(cell, j) : '')).join('\t') + '\n'
  })
  return out
}

/** appendCellValue: truncate at \f \n \r with `...`; escape ESC as `^[` (terminal escaping). */
function cellText(value: string): string {
  const brk = value.search(/[\f\n\r]/)
  const head = brk >= 0 ? value.slice(0, brk) : value
  const escaped = escapeTerminal(head)
  return brk >= 0 ? `${escaped}...` : escaped
}

/** Go's len() of a string: its UTF-8 byte length (tableprinter pads by bytes). */
function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}
