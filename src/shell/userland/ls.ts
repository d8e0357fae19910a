// `ls` as busybox and coreutils print it (C locale). Without a terminal (plain `kubectl exec`)
// names come one per line; with one (`exec -t`) they fill 80 columns. `-l` uses each tool's
// column layout; owners are always root, as in the simulated containers.
import type { Command, CommandIO } from '../command'
import { resolvePath, STRERROR, type FileStat } from '../fs'
import type { ContainerHost, Flavour } from './host'
import { parseArgs, usageError } from './options'

const LONG = {
  all: 'a',
  'almost-all': 'A',
  directory: 'd',
  'human-readable': 'h',
  classify: 'F',
  recursive: 'R',
  reverse: 'r',
  context: 'Z',
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SIX_MONTHS_MS = (365.2425 / 2) * 24 * 3600 * 1000

interface Entry {
  readonly name: string
  readonly stat: FileStat
}

export function lsCommand(flavour: Flavour, host: ContainerHost): Command {
  return (argv, io) => {
    const parsed = parseArgs(
      argv,
      { flags: flavour === 'busybox' ? '1aAldhFprtRC' : '1aAldhFprtRCZ', long: LONG },
      flavour,
    )
    if (!parsed.ok) return usageError(io, flavour, 'ls', parsed.message)
    const { flags, operands } = parsed.args
    const format = new Formatter(flavour, host, flags)
    let status = 0
    const files: Entry[] = []
    const dirs: Entry[] = []
    for (const operand of operands.length > 0 ? operands : ['.']) {
      const stat = io.fs.stat(resolvePath(io.cwd, operand))
      if (!stat.ok) {
        io.stderr(
          flavour === 'busybox'
            ? `ls: ${operand}: ${STRERROR[stat.errno]}\n`
            : `ls: cannot access '${operand}': ${STRERROR[stat.errno]}\n`,
        )
        status = flavour === 'busybox' ? 1 : 2
      } else
        (stat.value.type === 'dir' && !flags.has('d') ? dirs : files).push({
          name: operand,
          stat: stat.value,
        })
    }
    const blocks: string[] = []
    if (files.length > 0) blocks.push(format.listing(format.sort(files), false))
    const headers = operands.length > 1 || flags.has('R')
    for (const dir of format.sort(dirs)) blocks.push(...listDirectory(io, format, dir.name, headers))
    io.stdout(blocks.filter((b) => b !== '' || headers).join('\n'))
    return status
  }
}

function listDirectory(io: CommandIO, format: Formatter, path: string, header: boolean): string[] {
  const absolute = resolvePath(io.cwd, path)
  const names = io.fs.list(absolute)
  const entries: Entry[] = []
  for (const name of names.ok ? names.value : []) {
    if (name.startsWith('.') && !format.flags.has('a') && !format.flags.has('A')) continue
    const stat = io.fs.stat(resolvePath(absolute, name))
    if (stat.ok) entries.push({ name, stat: stat.value })
  }
  const sorted = format.sort(entries)
  if (format.flags.has('a')) {
    const self = io.fs.stat(absolute)
    const parent = io.fs.stat(resolvePath(absolute, '..'))
    if (self.ok && parent.ok)
      sorted.unshift({ name: '.', stat: self.value }, { name: '..', stat: parent.value })
  }
  const body = format.listing(sorted, true)
  const blocks = [header ? `${path}:\n${body}` : body]
  if (format.flags.has('R')) {
    for (const entry of sorted) {
      if (entry.stat.type === 'dir' && entry.name !== '.' && entry.name !== '..')
        blocks.push(
          ...listDirectory(io, format, path === '/' ? `/${entry.name}` : `${path}/${entry.name}`, true),
        )
    }
  }
  return blocks
}

class Formatter {
  constructor(
    readonly flavour: Flavour,
    readonly host: ContainerHost,
    readonly flags: ReadonlySet<string>,
  ) {}

  sort(entries: Entry[]): Entry[] {
    const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    const sorted = [...entries].sort(
      this.flags.has('t') ? (a, b) => b.stat.mtime - a.stat.mtime || byName(a, b) : byName,
    )
    return this.flags.has('r') ? sorted.reverse() : sorted
  }

  listing(entries: readonly Entry[], directory: boolean): string {
    if (this.flags.has('l')) return this.long(entries, directory)
    // -Z shows the SELinux context, which containers here do not have.
    const context = this.flags.has('Z') ? '? ' : ''
    const names = entries.map((e) => context + e.name + this.indicator(e.stat))
    if (names.length === 0) return ''
    if (!this.host.tty || this.flags.has('1')) return names.map((n) => `${n}\n`).join('')
    return this.columns(names)
  }

  private indicator(stat: FileStat): string {
    if (stat.type === 'dir' && (this.flags.has('F') || this.flags.has('p'))) return '/'
    if (stat.type === 'file' && this.flags.has('F') && (stat.mode & 0o111) !== 0) return '*'
    return ''
  }

  private long(entries: readonly Entry[], directory: boolean): string {
    const rows = entries.map((e) => ({
      mode: modeString(e.stat),
      links: String(e.stat.nlink),
      size: this.flags.has('h') ? humanSize(e.stat.size) : String(e.stat.size),
      date: this.date(e.stat.mtime),
      name: e.name + this.indicator(e.stat),
    }))
    const total = entries.reduce(
      (sum, e) => sum + (e.stat.type === 'dir' ? 4 : Math.ceil(e.stat.size / 4096) * 4),
      0,
    )
    const head = directory ? `total ${total}\n` : ''
    if (this.flavour === 'busybox') {
      return (
        head +
        rows
          .map(
            (r) =>
              `${r.mode} ${r.links.padStart(4)} root     root     ${r.size.padStart(9)} ${r.date} ${r.name}\n`,
          )
          .join('')
      )
    }
    const linkWidth = Math.max(...rows.map((r) => r.links.length))
    const sizeWidth = Math.max(...rows.map((r) => r.size.length))
    const context = this.flags.has('Z') ? '? ' : ''
    return (
      head +
      rows
        .map(
          (r) =>
            `${r.mode} ${r.links.padStart(linkWidth)} root root ${context}${r.size.padStart(sizeWidth)} ${r.date} ${r.name}\n`,
        )
        .join('')
    )
  }

  private date(mtime: number): string {
    const d = new Date(mtime)
    const month = MONTHS[d.getUTCMonth()]!
    const day = String(d.getUTCDate()).padStart(2)
    const now = this.host.now ?? mtime
    const recent = mtime <= now && now - mtime < SIX_MONTHS_MS
    if (!recent) return `${month} ${day}  ${d.getUTCFullYear()}`
    return `${month} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  }

  /** Vertical columns in 80 characters: coreutils sizes each column, busybox uses one width. */
  private columns(names: readonly string[]): string {
    const width = 80
    for (let cols = names.length; cols > 1; cols--) {
      const rows = Math.ceil(names.length / cols)
      const columnsUsed = Math.ceil(names.length / rows)
      const widths = Array.from({ length: columnsUsed }, (_, c) =>
        Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)),
      )
      const uniform = Math.max(...names.map((n) => n.length)) + 2
      const total =
        this.flavour === 'busybox' ? uniform * columnsUsed - 2 : widths.reduce((a, w) => a + w + 2, -2)
      if (total > width) continue
      let out = ''
      for (let r = 0; r < rows; r++) {
        const line: string[] = []
        for (let c = 0; c < columnsUsed; c++) {
          const name = names[c * rows + r]
          if (name === undefined) continue
          const last = c === columnsUsed - 1 || names[(c + 1) * rows + r] === undefined
          line.push(last ? name : name.padEnd(this.flavour === 'busybox' ? uniform : widths[c]! + 2))
        }
        out += `${line.join('')}\n`
      }
      return out
    }
    return names.map((n) => `${n}\n`).join('')
  }
}

function modeString(stat: FileStat): string {
  const bits = ['r', 'w', 'x']
  let text = stat.type === 'dir' ? 'd' : '-'
  for (let shift = 8; shift >= 0; shift--) text += stat.mode & (1 << shift) ? bits[(8 - shift) % 3] : '-'
  if (stat.mode & 0o1000) text = text.slice(0, 9) + (stat.mode & 0o001 ? 't' : 'T')
  return text
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes)
  const units = ['K', 'M', 'G', 'T']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return value < 10
    ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${units[unit]}`
    : `${Math.ceil(value)}${units[unit]}`
}
