// text/template/exec.go's walking half (Go 1.24) over the values in values.ts: text, actions,
// if/with, range (maps in sorted key order, integers counted, break and continue), {{template}}
// calls, and printing values; evaluation is eval.ts.
import { goQuote } from '../goFormat'
import { sortedKeys } from '../unstructured'
import { Evaluator, ExecError, type ExecOptions, type Shared, type Variable } from './eval'
import { formatValue } from './fmt'
import { type BranchNode, type Node, type TemplateNode, nodeString } from './nodes'
import type { Tree } from './parser'
import {
  type Value,
  GoNumber,
  elem,
  indirect,
  indirectInterface,
  isIntKind,
  isTrue,
  kindOf,
  toAny,
} from './values'

export { ExecError, type ExecOptions } from './eval'

const BREAK = Symbol('break')
const CONTINUE = Symbol('continue')
/** Go allows 100000 nested {{template}} calls; a JS stack does not, and Go's message is the same either way. */
const MAX_EXEC_DEPTH = 1000

/**
 * Template.Execute: applies tree `name` of `trees` (parsed from `text`) to `data`. Returns the text
 * written before any error, and the error message (Go's ExecError text) if execution failed.
 */
export function execute(
  trees: ReadonlyMap<string, Tree>,
  name: string,
  text: string,
  data: Value,
  opts: ExecOptions,
): { output: string; error?: string } {
  const out: string[] = []
  const tree = trees.get(name)
  const state = new State({ trees, text, opts, out }, tree?.name ?? name, [{ name: '$', value: data }], 0)
  try {
    if (!tree) state.errorf(`${goQuote(name)} is an incomplete or empty template`)
    state.walk(data, tree!.root)
    return { output: out.join('') }
  } catch (e) {
    if (e instanceof ExecError) return { output: out.join(''), error: e.message }
    throw e
  }
}

class State extends Evaluator {
  constructor(
    s: Shared,
    tmplName: string,
    vars: Variable[],
    private readonly depth: number,
  ) {
    super(s, tmplName, vars)
  }

  walk(dot: Value, node: Node): void {
    this.at(node)
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.printValue(node, val)
        return
      }
      case 'break':
        throw BREAK
      case 'continue':
        throw CONTINUE
      case 'comment':
        return
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot)
      case 'list':
        for (const n of node.nodes) this.walk(dot, n)
        return
      case 'range':
        return this.walkRange(dot, node)
      case 'template':
        return this.walkTemplate(dot, node)
      case 'text':
        this.s.out.push(node.text)
        return
    }
    this.errorf(`unknown node: ${nodeString(node)}`)
  }

  private walkIfOrWith(node: BranchNode, dot: Value): void {
    const mark = this.mark()
    try {
      const val = this.evalPipeline(dot, node.pipe)
      const [t, ok] = isTrue(indirectInterface(val))
      if (!ok) this.errorf(`if/with can't use ${formatValue(toAny(val))}`)
      if (t) this.walk(node.type === 'with' ? val : dot, node.list)
      else if (node.elseList) this.walk(dot, node.elseList)
    } finally {
      this.pop(mark)
    }
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r)
    const outer = this.mark()
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe))
      const mark = this.mark()
      const decl = r.pipe.decl
      const oneIteration = (index: Value, el: Value) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : el)
          else this.setTopVar(1, el)
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, el)
          else this.setTopVar(2, index)
        }
        try {
          this.walk(el, r.list)
        } catch (e) {
          if (e !== CONTINUE) throw e
        } finally {
          this.pop(mark)
        }
      }
      const kind = kindOf(val)
      let ran = false
      if (isIntKind(kind)) {
        if (decl.length > 1)
          this.errorf(`can't use ${formatValue(toAny(val))} to iterate over more than one variable`)
        const n = val as GoNumber
        for (let v = 0; v < n.value; v++) {
          ran = true
          oneIteration(undefined, new GoNumber(n.type, v))
        }
      } else if (kind === 'slice') {
        const items = val as unknown[]
        items.forEach((item, i) => {
          ran = true
          oneIteration(new GoNumber('int', i), elem(item as never))
        })
      } else if (kind === 'map') {
        const m = val as Record<string, never>
        for (const key of sortedKeys(m)) {
          ran = true
          oneIteration(key, elem(m[key]))
        }
      } else if (kind !== 'invalid') this.errorf(`range can't iterate over ${formatValue(toAny(val))}`)
      if (!ran && r.elseList) this.walk(dot, r.elseList)
    } catch (e) {
      if (e !== BREAK) throw e
    } finally {
      this.pop(outer)
    }
  }

  private walkTemplate(dot: Value, t: TemplateNode): void {
    this.at(t)
    const tree = this.s.trees.get(t.name)
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`)
    if (this.depth === MAX_EXEC_DEPTH) this.errorf('exceeded maximum template depth (100000)')
    const newDot = this.evalPipeline(dot, t.pipe)
    new State(this.s, tree.name, [{ name: '$', value: newDot }], this.depth + 1).walk(newDot, tree.root)
  }

  /** printValue: fmt.Fprint of the value, `<no value>` for the invalid one. */
  private printValue(n: Node, v: Value): void {
    this.at(n)
    this.s.out.push(v === undefined ? '<no value>' : formatValue(toAny(v)))
  }
}
