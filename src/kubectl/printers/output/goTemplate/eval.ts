// text/template/exec.go's evaluation half (Go 1.24): pipelines, commands, field chains on maps,
// variables, constants, and function calls with Go's argument checking and conversions. Errors
// carry Go's location and context: `template: output:1:2: executing "output" at <.foo>: …`.
import { goQuote } from '../goFormat'
import { FuncError, FUNCS, type GoFunc, type ParamType } from './funcs'
import { utf8Length } from './items'
import {
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
  nodeString,
} from './nodes'
import type { Tree } from './parser'
import { type Value, GoIface, GoNumber, elem, indirect, isMap, toAny, truth, typeName } from './values'

export class ExecError extends Error {}

export interface ExecOptions {
  /** missingkey=default prints <no value>; missingkey=error fails (kubectl's --allow-missing-template-keys=false). */
  missingKey: 'default' | 'error'
}

/** What every template invocation of one Execute shares. */
export interface Shared {
  trees: ReadonlyMap<string, Tree>
  text: string
  opts: ExecOptions
  out: string[]
}

export interface Variable {
  name: string
  value: Value
}

const MISSING: unique symbol = Symbol('missing')
type Final = Value | typeof MISSING

export class Evaluator {
  private node: Node | undefined

  constructor(
    protected readonly s: Shared,
    protected readonly tmplName: string,
    private vars: Variable[],
  ) {}

  protected at(node: Node): void {
    this.node = node
  }

  errorf(message: string): never {
    const name = this.tmplName
    if (!this.node) throw new ExecError(`template: ${name}: ${message}`)
    const [location, context] = this.errorContext(this.node)
    throw new ExecError(`template: ${location}: executing ${goQuote(name)} at <${context}>: ${message}`)
  }

  /** Tree.ErrorContext: `output:LINE:BYTE` of the node, and its text. */
  private errorContext(n: Node): [string, string] {
    const text = this.s.text.slice(0, n.pos)
    const nl = text.lastIndexOf('\n')
    const col = utf8Length(text.slice(nl + 1))
    const line = text.split('\n').length
    return [`output:${line}:${col}`, nodeString(n)]
  }

  protected push(name: string, value: Value): void {
    this.vars.push({ name, value })
  }

  protected mark(): number {
    return this.vars.length
  }

  protected pop(mark: number): void {
    this.vars.length = mark
  }

  protected setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value
        return
      }
    }
    this.errorf(`undefined variable: ${name}`)
  }

  protected setTopVar(n: number, value: Value): void {
    this.vars[this.vars.length - n]!.value = value
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value
    return this.errorf(`undefined variable: ${name}`)
  }

  protected evalPipeline(dot: Value, pipe: PipeNode | undefined): Value {
    if (!pipe) return undefined
    this.at(pipe)
    let value: Final = MISSING
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value)
      // An interface{} result is looked through, a nil one becoming the invalid value.
      if (value instanceof GoIface) value = value.elem ?? undefined
    }
    const result = value as Value
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, result)
      else this.push(v.ident[0]!, result)
    }
    return result
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`)
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0]!
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final)
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final)
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final)
      case 'pipe':
        this.notAFunction(cmd.args, final)
        return this.evalPipeline(dot, first)
      case 'variable':
        return this.evalVariableNode(first, cmd.args, final)
    }
    this.at(first)
    this.notAFunction(cmd.args, final)
    switch (first.type) {
      case 'bool':
        return first.value
      case 'dot':
        return dot
      case 'nil':
        return this.errorf('nil is not a command')
      case 'number':
        return this.idealConstant(first)
      case 'string':
        return first.text
    }
    return this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`)
  }

  /** A number constant where no type is expected: float64 if written as one, else int. */
  private idealConstant(c: NumberNode): Value {
    this.at(c)
    const hexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text)
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text))
      return new GoNumber('float64', c.float64)
    if (c.isInt) return new GoNumber('int', c.int64)
    if (c.isUint) return this.errorf(`${c.text} overflows int`)
    return undefined
  }

  private evalFieldNode(dot: Value, field: FieldNode, args: Node[] | undefined, final: Final): Value {
    this.at(field)
    return this.evalFieldChain(dot, field.ident, args, final)
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: Node[] | undefined, final: Final): Value {
    this.at(chain)
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    const pipe = this.evalArg(dot, null, chain.node)
    return this.evalFieldChain(pipe, chain.field, args, final)
  }

  private evalVariableNode(v: VariableNode, args: Node[] | undefined, final: Final): Value {
    this.at(v)
    const value = this.varValue(v.ident[0]!)
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final)
      return value
    }
    return this.evalFieldChain(value, v.ident.slice(1), args, final)
  }

  private evalFieldChain(receiver: Value, ident: string[], args: Node[] | undefined, final: Final): Value {
    const n = ident.length
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i]!, undefined, MISSING, receiver)
    return this.evalField(ident[n - 1]!, args, final, receiver)
  }

  private evalField(fieldName: string, args: Node[] | undefined, final: Final, receiver: Value): Value {
    if (receiver === undefined) {
      if (this.s.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`)
      return undefined
    }
    const typ = typeName(receiver)
    const [r, isNil] = indirect(receiver)
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`)
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING
    if (isMap(r)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`)
      if (Object.hasOwn(r, fieldName)) return elem(r[fieldName])
      if (this.s.opts.missingKey === 'error') this.errorf(`map has no entry for key ${goQuote(fieldName)}`)
      return undefined
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`)
  }

  private evalFunction(
    dot: Value,
    node: IdentifierNode,
    cmd: Node,
    args: Node[] | undefined,
    final: Final,
  ): Value {
    this.at(node)
    const fn = FUNCS.get(node.ident)
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`)
    return this.evalCall(dot, fn, cmd, node.ident, args, final)
  }

  private evalCall(
    dot: Value,
    fn: GoFunc,
    node: Node,
    name: string,
    allArgs: Node[] | undefined,
    final: Final,
  ): Value {
    const args = allArgs ? allArgs.slice(1) : []
    const numIn = args.length + (final !== MISSING ? 1 : 0)
    let numFixed = args.length
    if (fn.variadic) {
      numFixed = fn.params.length
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`)
    } else if (numIn !== fn.params.length)
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`)

    if (fn.builtin && (name === 'and' || name === 'or')) {
      let v: Value = undefined
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg)
        if (truth(v) === (name === 'or')) return v
      }
      if (final !== MISSING) v = this.validateType(final, 'value')
      return v
    }

    const argv: Value[] = []
    let i = 0
    for (; i < numFixed && i < args.length; i++) argv[i] = this.evalArg(dot, fn.params[i]!, args[i]!)
    if (fn.variadic) for (; i < args.length; i++) argv[i] = this.evalArg(dot, fn.variadic, args[i]!)
    if (final !== MISSING) {
      let t: ParamType = fn.params[fn.params.length - 1]!
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1]! : fn.variadic
      argv[i] = this.validateType(final, t)
    }
    if (fn.builtin && name === 'call') {
      const callee = args.length === 0 ? calleeName(final as Value) : nodeString(args[0]!)
      argv.unshift(callee)
    }
    try {
      return fn.call(argv)
    } catch (e) {
      if (!(e instanceof FuncError)) throw e
      this.at(node)
      return this.errorf(`error calling ${name}: ${e.message}`)
    }
  }

  private validateType(value: Value, typ: ParamType | null): Value {
    if (value === undefined) {
      if (typ === null) return undefined
      if (typ === 'any') return new GoIface(null)
      if (typ === 'value') return undefined
      return this.errorf(`invalid value; expected ${typ}`)
    }
    if (typ !== 'string') return value
    if (typeof value === 'string') return value
    if (value instanceof GoIface && value.elem !== null) {
      if (typeof value.elem === 'string') return value.elem
      return this.errorf(`wrong type for value; expected string; got ${typeName(value.elem)}`)
    }
    return this.errorf(`wrong type for value; expected string; got ${typeName(value)}`)
  }

  private evalArg(dot: Value, typ: ParamType | null, n: Node): Value {
    this.at(n)
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ)
      case 'nil':
        if (typ === 'any') return new GoIface(null)
        if (typ === 'value') return undefined
        return this.errorf(`cannot assign nil to ${typ}`)
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ)
      case 'variable':
        return this.validateType(this.evalVariableNode(n, undefined, MISSING), typ)
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ)
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ)
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ)
    }
    if (typ === 'string') {
      if (n.type === 'string') return n.text
      return this.errorf(`expected string; found ${nodeString(n)}`)
    }
    return this.evalEmptyInterface(dot, n)
  }

  private evalEmptyInterface(dot: Value, n: Node): Value {
    this.at(n)
    switch (n.type) {
      case 'bool':
        return n.value
      case 'dot':
        return dot
      case 'number':
        return this.idealConstant(n)
      case 'string':
        return n.text
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`)
  }
}

/** reflect.Value.String() of a piped-in callee: the string itself, else `<T Value>`. */
function calleeName(v: Value): string {
  const c = toAny(v)
  return typeof c === 'string' ? c : `<${c === null ? 'invalid' : typeName(c)} Value>`
}
