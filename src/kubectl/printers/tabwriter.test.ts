import { describe, expect, it } from 'vitest'
import { KUBECTL_DESCRIBE, KUBECTL_TABLE, TabWriter } from './tabwriter'

const dots = { minWidth: 8, tabWidth: 0, padding: 1, padChar: '.' }

describe('TabWriter', () => {
  it('aligns tab-terminated cells and leaves the last cell of a line unpadded (Go test 4a)', () => {
    const w = new TabWriter(dots)
    w.write('a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n')
    expect(w.flush()).toBe('a.......b.......c\naa......bbb.....cccc\naaa.....bbbb\n')
  })

  it('sizes a column from its widest cell plus padding (Go test 9a)', () => {
    const w = new TabWriter({ minWidth: 1, tabWidth: 0, padding: 0, padChar: '.' })
    w.write('1\t2\t3\t4\n11\t222\t3333\t44444\n')
    expect(w.flush()).toBe('1.2..3...4\n11222333344444\n')
  })

  it('aligns only contiguous lines that share a column (the elastic tabstops example)', () => {
    const w = new TabWriter({ minWidth: 0, tabWidth: 0, padding: 1, padChar: '.' })
    w.write('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n')
    expect(w.flush()).toBe('aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n')
  })

  it('buffers until flush, except that a single-cell line flushes what came before', () => {
    const w = new TabWriter(KUBECTL_DESCRIBE)
    w.write('Name:\tweb\n')
    w.write('Containers:\n')
    w.write('  Image:\tnginx\n')
    expect(w.flush()).toBe('Name:  web\nContainers:\n  Image:  nginx\n')
  })

  it('with RememberWidths never narrows a column across flushes, as `get -w` needs', () => {
    const w = new TabWriter(KUBECTL_TABLE)
    w.write('a\tb\n')
    expect(w.flush()).toBe('a     b\n')
    w.write('abcdefgh\tc\n')
    expect(w.flush()).toBe('abcdefgh   c\n')
    w.write('x\ty\n')
    expect(w.flush()).toBe('x          y\n')
    w.setRememberedWidths(null)
    w.write('x\ty\n')
    expect(w.flush()).toBe('x     y\n')
  })

  it('without RememberWidths sizes every flush on its own', () => {
    const w = new TabWriter({ ...KUBECTL_TABLE, rememberWidths: false })
    w.write('abcdefgh\tc\n')
    w.flush()
    w.write('x\ty\n')
    expect(w.flush()).toBe('x     y\n')
  })

  it('counts runes, not UTF-16 units, when sizing cells', () => {
    const w = new TabWriter({ minWidth: 0, tabWidth: 0, padding: 1, padChar: '.' })
    w.write('é🙂\tx\nab\ty\n')
    expect(w.flush()).toBe('é🙂.x\nab.y\n')
  })

  it('pads with tabs when the pad character is a tab', () => {
    const w = new TabWriter({ minWidth: 0, tabWidth: 8, padding: 1, padChar: '\t' })
    w.write('a\tb\nabcdefghij\tc\n')
    expect(w.flush()).toBe('a\t\tb\nabcdefghij\tc\n')
  })
})
