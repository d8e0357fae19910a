// github.com/liggitt/tabwriter (Go's text/tabwriter plus RememberWidths), the aligner behind every
// kubectl table and every `kubectl describe`. Ported cell for cell: elastic tabstops, column blocks
// of contiguous lines, the last cell of a line never padded, and a line with a single cell flushing
// the buffer. Not ported: FilterHTML, Escape sequences, AlignRight and TabIndent (kubectl uses none).

interface Cell {
  text: string
  width: number // in runes, as Go counts
  htab: boolean // terminated by '\t' (not '\v')
}

export interface TabWriterOptions {
  minWidth: number
  tabWidth: number
  padding: number
  padChar: string
  /** Column widths only grow across Flush calls (what `kubectl get -w` relies on). */
  rememberWidths?: boolean
  /** Print '|' between columns (tabwriter.Debug), handy in tests. */
  debug?: boolean
}

/** cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
export const KUBECTL_TABLE: TabWriterOptions = {
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
}
/** kubectl describe's tabbedString: minwidth 0, tabwidth 8, padding 2, ' ', no flags. */
export const KUBECTL_DESCRIBE: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' }

const runeCount = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

export class TabWriter {
  private lines: Cell[][] = [[]]
  private cellText = ''
  private widths: number[] = []
  private maxWidths: number[] = []
  private out = ''

  constructor(private readonly opts: TabWriterOptions = KUBECTL_TABLE) {}

  /** Buffers `text`; output appears once columns are known (at Flush, or at a one-cell line). */
  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      this.cellText += text.slice(start, i)
      start = i + 1
      const ncells = this.terminateCell(ch === '\t')
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        // A line with one cell cannot affect the alignment of later lines, so Go flushes here.
        if (ch === '\f' || ncells === 1) this.flushInternal()
      }
    }
    this.cellText += text.slice(start)
  }

  /** Formats everything buffered and returns all output produced since the previous flush. */
  flush(): string {
    this.flushInternal()
    const out = this.out
    this.out = ''
    return out
  }

  rememberedWidths(): number[] {
    return [...this.maxWidths]
  }

  /** SetRememberedWidths; `kubectl get` passes nil when it starts printing a new resource type. */
  setRememberedWidths(widths: readonly number[] | null): void {
    this.maxWidths = widths ? [...widths] : []
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab })
    this.cellText = ''
    return line.length
  }

  private flushInternal(): void {
    if (this.cellText.length > 0) this.terminateCell(false)
    this.format(0, this.lines.length)
    this.lines = [[]]
    this.cellText = ''
    this.widths = []
  }

  private writePadding(textWidth: number, cellWidth: number): void {
    if (this.opts.padChar === '\t') {
      if (this.opts.tabWidth === 0) return
      const cw = Math.ceil(cellWidth / this.opts.tabWidth) * this.opts.tabWidth
      this.out += '\t'.repeat(Math.ceil((cw - textWidth) / this.opts.tabWidth))
      return
    }
    this.out += this.opts.padChar.repeat(cellWidth - textWidth)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!
      line.forEach((c, j) => {
        if (j > 0 && this.opts.debug) this.out += '|'
        if (c.text.length > 0) this.out += c.text
        if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!)
      })
      // The last buffered line has no newline yet; its pending text (none after a flush) is all.
      if (i + 1 < this.lines.length) this.out += '\n'
    }
  }

  /** Go's format(): finds the block of contiguous lines sharing a column, sizes it, recurses right. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t]!.length - 1) continue
      // Cell exists in this column: print the lines above the block, then size the block.
      this.writeLines(line0, t)
      line0 = t
      let width = this.opts.minWidth
      for (; t < line1; t++) {
        const line = this.lines[t]!
        if (column >= line.length - 1) break
        width = Math.max(width, line[column]!.width + this.opts.padding)
      }
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < this.widths.length)
          this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
        if (this.maxWidths.length === this.widths.length) this.maxWidths.push(width)
        else if (this.maxWidths[column]! > width) width = this.maxWidths[column]!
        else this.maxWidths[column] = width
      }
      this.widths.push(width)
      this.format(line0, t)
      this.widths.pop()
      // As in Go, the loop increment steps past line t, which has no cell in this column anyway.
      line0 = t
    }
    this.writeLines(line0, line1)
  }
}
