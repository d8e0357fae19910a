// text/template/parse/parse.go (Go 1.24): the recursive-descent parser with its three-token
// lookahead, variable scoping, `else if`/`else with` chains, {{define}}/{{block}}/{{template}},
// and errors as Go words them: `template: output:1: unexpected "}" in operand`.
import { goQuote } from '../goFormat'
import { type Item, type ItemType, itemString } from './items'
import { Lexer } from './lexer'
import {
  type ActionNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
  isEmptyTree,
  nodeString,
} from './nodes'
import { StrconvError, charConstant, classifyNumber, unquote } from './strconv'

export class TemplateParseError extends Error {}

/** One parsed template: the top-level "output" or a {{define}}d one. */
export interface Tree {
  name: string
  root: ListNode
}

interface Shared {
  lex: Lexer
  funcs: ReadonlySet<string>
  treeSet: Map<string, Tree>
  parseName: string
}

const MAX_STACK_DEPTH = 10000
const EOF_ITEM: Item = { typ: 'EOF', pos: 0, val: '', line: 0 }

/** parse.Parse: every tree the text defines, by name; throws TemplateParseError. */
export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): Map<string, Tree> {
  const lex = new Lexer(text, {
    emitComment: false,
    breakOK: !funcs.has('break'),
    continueOK: !funcs.has('continue'),
  })
  const shared: Shared = { lex, funcs, treeSet: new Map(), parseName: name }
  const t = new TreeParser(name, shared)
  t.parse()
  t.add()
  return shared.treeSet
}

class TreeParser {
  root: ListNode = { type: 'list', pos: 0, nodes: [] }
  private readonly token: Item[] = [EOF_ITEM, EOF_ITEM, EOF_ITEM]
  private peekCount = 0
  private vars: string[] = ['$']
  private actionLine = 0
  private rangeDepth = 0
  private stackDepth = 0

  constructor(
    private name: string,
    private readonly s: Shared,
  ) {}

  // Lookahead.

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--
    else this.token[0] = this.s.lex.nextItem()
    return this.token[this.peekCount]!
  }

  private backup(): void {
    this.peekCount++
  }

  private backup2(t1: Item): void {
    this.token[1] = t1
    this.peekCount = 2
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1
    this.token[2] = t2
    this.peekCount = 3
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!
    this.peekCount = 1
    this.token[0] = this.s.lex.nextItem()
    return this.token[0]
  }

  private nextNonSpace(): Item {
    let token: Item
    do token = this.next()
    while (token.typ === 'space')
    return token
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace()
    this.backup()
    return token
  }

  // Errors.

  private errorf(message: string): never {
    throw new TemplateParseError(`template: ${this.s.parseName}:${this.token[0]!.line}: ${message}`)
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace()
    if (token.typ !== expected) this.unexpected(token, context)
    return token
  }

  private expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const token = this.nextNonSpace()
    if (token.typ !== a && token.typ !== b) this.unexpected(token, context)
    return token
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === 'error') {
      let extra = ''
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.s.parseName}:${this.actionLine}`
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length)
      }
      this.errorf(`${itemString(token)}${extra}`)
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`)
  }

  // Trees.

  add(): void {
    const tree = this.s.treeSet.get(this.name)
    if (!tree || isEmptyTree(tree.root)) {
      this.s.treeSet.set(this.name, { name: this.name, root: this.root })
      return
    }
    if (!isEmptyTree(this.root))
      this.errorf(`template: multiple definition of template ${goQuote(this.name)}`)
  }

  parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] }
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next()
        if (this.nextNonSpace().typ === 'define') {
          new TreeParser('definition', this.s).parseDefinition()
          continue
        }
        this.backup2(delim)
      }
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`)
      this.root.nodes.push(n)
    }
  }

  private parseDefinition(): void {
    const context = 'define clause'
    const name = this.expectOneOf('string', 'rawString', context)
    this.name = this.unquote(name.val)
    this.expect('rightDelim', context)
    const [root, end] = this.itemList()
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`)
    this.root = root
    this.add()
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] }
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') return [list, n]
      list.nodes.push(n)
    }
    this.errorf('unexpected EOF')
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'text':
        return { type: 'text', pos: token.pos, text: token.val }
      case 'leftDelim':
        this.actionLine = token.line
        try {
          return this.action()
        } finally {
          this.actionLine = 0
        }
      case 'comment':
        return { type: 'comment', pos: token.pos, text: token.val }
    }
    this.unexpected(token, 'input')
  }

  private action(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'block':
        return this.blockControl()
      case 'break':
      case 'continue':
        return this.breakControl(token)
      case 'else':
        return this.elseControl()
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos }
      case 'if':
      case 'range':
      case 'with':
        return this.branchControl(token.typ)
      case 'template':
        return this.templateControl()
    }
    this.backup()
    const t = this.peek()
    const action: ActionNode = {
      type: 'action',
      pos: t.pos,
      line: t.line,
      pipe: this.pipeline('command', 'rightDelim'),
    }
    return action
  }

  private breakControl(keyword: Item): Node {
    const token = this.nextNonSpace()
    const name = keyword.typ as 'break' | 'continue'
    if (token.typ !== 'rightDelim') this.unexpected(token, `{{${name}}}`)
    if (this.rangeDepth === 0) this.errorf(`{{${name}}} outside {{range}}`)
    return { type: name, pos: keyword.pos, line: keyword.line }
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace()
    const pipe: PipeNode = {
      type: 'pipe',
      pos: first.pos,
      line: first.line,
      isAssign: false,
      decl: [],
      cmds: [],
    }
    decls: for (;;) {
      const v = this.peekNonSpace()
      if (v.typ !== 'variable') break
      this.next()
      // "$x foo" needs three tokens of lookahead to tell an argument from a declaration.
      const tokenAfterVariable = this.peek()
      const next = this.peekNonSpace()
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign'
        this.nextNonSpace()
        pipe.decl.push(this.newVariable(v.pos, v.val))
        this.vars.push(v.val)
      } else if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace()
        pipe.decl.push(this.newVariable(v.pos, v.val))
        this.vars.push(v.val)
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue decls
          this.errorf('range can only initialize variables')
        }
        this.errorf(`too many declarations in ${context}`)
      } else if (tokenAfterVariable.typ === 'space') this.backup3(v, tokenAfterVariable)
      else this.backup2(v)
      break
    }
    for (;;) {
      const token = this.nextNonSpace()
      if (token.typ === end) {
        this.checkPipeline(pipe, context)
        return pipe
      }
      switch (token.typ) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup()
          pipe.cmds.push(this.command())
          break
        default:
          this.unexpected(token, context)
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`)
    pipe.cmds.slice(1).forEach((c, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0]!.type))
        this.errorf(`non executable command in pipeline stage ${i + 2}`)
    })
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length
    try {
      const pipe = this.pipeline(context, 'rightDelim')
      if (context === 'range') this.rangeDepth++
      let [list, next] = this.itemList()
      if (context === 'range') this.rangeDepth--
      let elseList: ListNode | undefined
      if (next.type === 'else') {
        // {{else if …}} and {{else with …}} parse as an else list holding one more if/with.
        const chained = this.peek().typ
        if ((context === 'if' && chained === 'if') || (context === 'with' && chained === 'with')) {
          this.next()
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl(context)] }
        } else {
          ;[elseList, next] = this.itemList()
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`)
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList }
    } finally {
      this.vars.length = mark
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace()
    if (peek.typ === 'if' || peek.typ === 'with') return { type: 'else', pos: peek.pos, line: peek.line }
    const token = this.expect('rightDelim', 'else')
    return { type: 'else', pos: token.pos, line: token.line }
  }

  private blockControl(): Node {
    const context = 'block clause'
    const token = this.nextNonSpace()
    const name = this.parseTemplateName(token, context)
    const pipe = this.pipeline(context, 'rightDelim')
    const block = new TreeParser(name, this.s)
    const [root, end] = block.itemList()
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`)
    block.root = root
    block.add()
    return { type: 'template', pos: token.pos, line: token.line, name, pipe }
  }

  private templateControl(): Node {
    const context = 'template clause'
    const token = this.nextNonSpace()
    const name = this.parseTemplateName(token, context)
    let pipe: PipeNode | undefined
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup()
      pipe = this.pipeline(context, 'rightDelim')
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe }
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ !== 'string' && token.typ !== 'rawString') this.unexpected(token, context)
    return this.unquote(token.val)
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] }
    for (;;) {
      this.peekNonSpace()
      const operand = this.operand()
      if (operand) cmd.args.push(operand)
      const token = this.next()
      if (token.typ === 'space') continue
      if (token.typ === 'rightDelim' || token.typ === 'rightParen') this.backup()
      else if (token.typ !== 'pipe') this.unexpected(token, 'operand')
      break
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private operand(): Node | undefined {
    let node = this.term()
    if (!node) return undefined
    if (this.peek().typ === 'field') {
      const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, field: [] }
      while (this.peek().typ === 'field') chain.field.push(this.next().val.slice(1))
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') }
          break
        case 'variable':
          node = this.newVariable(chain.pos, nodeString(chain))
          break
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`)
        default:
          node = chain
      }
    }
    return node
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case 'identifier':
        if (!this.s.funcs.has(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`)
        return { type: 'identifier', pos: token.pos, ident: token.val }
      case 'dot':
        return { type: 'dot', pos: token.pos }
      case 'nil':
        return { type: 'nil', pos: token.pos }
      case 'variable':
        return this.useVar(token.pos, token.val)
      case 'field':
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') }
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.val === 'true' }
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.newNumber(token)
      case 'leftParen': {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded')
        this.stackDepth++
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen')
        } finally {
          this.stackDepth--
        }
      }
      case 'string':
      case 'rawString':
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token.val) }
    }
    this.backup()
    return undefined
  }

  private newNumber(token: Item): NumberNode {
    const base = { type: 'number' as const, pos: token.pos, text: token.val }
    try {
      if (token.typ === 'charConstant') {
        const r = charConstant(token.val)
        return { ...base, isInt: true, isUint: true, isFloat: true, int64: r, float64: r }
      }
      // Complex constants (1+2i, 3i) are not modelled: no kubectl object holds one.
      if (token.typ === 'complex' || token.val.endsWith('i'))
        this.errorf(`complex constants are not supported: ${goQuote(token.val)}`)
      return { ...base, ...classifyNumber(token.val) }
    } catch (e) {
      if (e instanceof StrconvError) this.errorf(e.message)
      throw e
    }
  }

  private unquote(quoted: string): string {
    try {
      return unquote(quoted)
    } catch (e) {
      if (e instanceof StrconvError) this.errorf(e.message)
      throw e
    }
  }

  private newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, ident: ident.split('.') }
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name)
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${goQuote(v.ident[0]!)}`)
    return v
  }
}
