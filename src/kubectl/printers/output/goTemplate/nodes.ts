// text/template/parse/node.go: the parse tree, and each node's String() as Go prints it in error
// contexts (`executing "output" at <.spec.foo>`) and parse errors (`unexpected {{end}}`).
import { goQuote } from '../goFormat'

interface At {
  pos: number
}

export interface ListNode extends At {
  type: 'list'
  nodes: Node[]
}
export interface TextNode extends At {
  type: 'text'
  text: string
}
export interface CommentNode extends At {
  type: 'comment'
  text: string
}
export interface PipeNode extends At {
  type: 'pipe'
  line: number
  isAssign: boolean
  decl: VariableNode[]
  cmds: CommandNode[]
}
export interface ActionNode extends At {
  type: 'action'
  line: number
  pipe: PipeNode
}
export interface CommandNode extends At {
  type: 'command'
  args: Node[]
}
export interface IdentifierNode extends At {
  type: 'identifier'
  ident: string
}
export interface VariableNode extends At {
  type: 'variable'
  ident: string[]
}
export interface DotNode extends At {
  type: 'dot'
}
export interface NilNode extends At {
  type: 'nil'
}
export interface FieldNode extends At {
  type: 'field'
  ident: string[]
}
export interface ChainNode extends At {
  type: 'chain'
  node: Node
  field: string[]
}
export interface BoolNode extends At {
  type: 'bool'
  value: boolean
}
export interface NumberNode extends At {
  type: 'number'
  text: string
  isInt: boolean
  isUint: boolean
  isFloat: boolean
  int64: number
  float64: number
}
export interface StringNode extends At {
  type: 'string'
  quoted: string
  text: string
}
export interface EndNode extends At {
  type: 'end'
}
export interface ElseNode extends At {
  type: 'else'
  line: number
}
export interface BranchNode extends At {
  type: 'if' | 'range' | 'with'
  line: number
  pipe: PipeNode
  list: ListNode
  elseList: ListNode | undefined
}
export interface BreakNode extends At {
  type: 'break' | 'continue'
  line: number
}
export interface TemplateNode extends At {
  type: 'template'
  line: number
  name: string
  pipe: PipeNode | undefined
}

export type Node =
  | ListNode
  | TextNode
  | CommentNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | TemplateNode

/** Node.String() as in node.go. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('')
    case 'text':
    case 'comment':
      return n.text
    case 'pipe': {
      const decl = n.decl.length ? `${n.decl.map(nodeString).join(', ')} := ` : ''
      return decl + n.cmds.map(nodeString).join(' | ')
    }
    case 'action':
      return `{{${nodeString(n.pipe)}}}`
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ')
    case 'identifier':
      return n.ident
    case 'variable':
      return n.ident.join('.')
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'field':
      return n.ident.map((id) => `.${id}`).join('')
    case 'chain': {
      const head = n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)
      return head + n.field.map((f) => `.${f}`).join('')
    }
    case 'bool':
      return n.value ? 'true' : 'false'
    case 'number':
      return n.text
    case 'string':
      return n.quoted
    case 'end':
      return '{{end}}'
    case 'else':
      return '{{else}}'
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${elsePart}{{end}}`
    }
    case 'break':
    case 'continue':
      return `{{${n.type}}}`
    case 'template':
      return n.pipe
        ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${goQuote(n.name)}}}`
  }
}

/** parse.IsEmptyTree: only space and comments. */
export function isEmptyTree(n: Node | undefined): boolean {
  if (!n) return true
  switch (n.type) {
    case 'comment':
      return true
    case 'list':
      return n.nodes.every(isEmptyTree)
    case 'text':
      return n.text.trim() === ''
    default:
      return false
  }
}
