// `$(( ... ))`: integer arithmetic with C precedence, variables by name and the assignment
// operators loops use (`i=i+1`, `n+=2`). Integers are JavaScript safe integers, not int64.
import type { ShellDialect } from './dialect'

export interface ArithmeticScope {
  get(name: string): string | undefined
  set(name: string, value: string): void
  /** busybox and bash accept `a, b`; dash stops at the comma. */
  readonly comma: boolean
}

export class ArithmeticError extends Error {
  constructor(
    /** `trailing`: a complete expression followed by more tokens (dash: "expecting EOF"). */
    readonly reason: 'division-by-zero' | 'syntax' | 'trailing',
    readonly expression: string,
  ) {
    super(`arithmetic ${reason}: ${expression}`)
  }
}

/** The message text each shell prints (after its usual prefix) for `error`. */
export function arithmeticMessage(dialect: ShellDialect, error: ArithmeticError): string {
  const zero = error.reason === 'division-by-zero'
  const dashReason = zero
    ? 'division by zero'
    : error.reason === 'trailing'
      ? 'expecting EOF'
      : 'expecting primary'
  if (dialect === 'dash') return `arithmetic expression: ${dashReason}: "${error.expression}"`
  if (dialect === 'bash')
    return `${error.expression}: ${zero ? 'division by 0' : 'syntax error: operand expected'}`
  return zero ? 'divide by zero' : 'arithmetic syntax error'
}

const BINARY_PRECEDENCE: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
]
const ASSIGNMENT_OPS = ['=', '+=', '-=', '*=', '/=', '%=']
const TOKEN =
  /\s*(0[xX][0-9a-fA-F]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|[-+*/%]=|[-+*/%()<>!~?:=|&^,])/y

export function evaluateArithmetic(expression: string, scope: ArithmeticScope): number {
  const tokens: string[] = []
  const tokenPattern = new RegExp(TOKEN.source, 'y')
  let index = 0
  for (let match = tokenPattern.exec(expression); match !== null; match = tokenPattern.exec(expression)) {
    tokens.push(match[1]!)
    index = tokenPattern.lastIndex
  }
  if (expression.slice(index).trim() !== '') throw new ArithmeticError('syntax', expression)
  if (tokens.length === 0) return 0
  let pos = 0
  const fail = (): never => {
    throw new ArithmeticError('syntax', expression)
  }
  const peek = (): string | undefined => tokens[pos]

  const variable = (name: string): number => {
    const value = scope.get(name) ?? ''
    if (value.trim() === '') return 0
    return evaluateArithmetic(value, scope)
  }

  const primary = (): number => {
    const token = tokens[pos++]
    if (token === undefined) return fail()
    if (token === '(') {
      const value = assignment()
      if (tokens[pos++] !== ')') fail()
      return value
    }
    if (token === '-') return -primary()
    if (token === '+') return primary()
    if (token === '!') return primary() === 0 ? 1 : 0
    if (token === '~') return ~primary()
    if (/^0[xX]/.test(token)) return parseInt(token, 16)
    if (/^0[0-7]+$/.test(token)) return parseInt(token, 8)
    if (/^[0-9]+$/.test(token)) return Number(token)
    if (/^[A-Za-z_]/.test(token)) return variable(token)
    return fail()
  }

  const binary = (level: number): number => {
    if (level >= BINARY_PRECEDENCE.length) return primary()
    let left = binary(level + 1)
    for (let op = peek(); op !== undefined && BINARY_PRECEDENCE[level]!.includes(op); op = peek()) {
      pos++
      left = apply(op, left, binary(level + 1), expression)
    }
    return left
  }

  const conditional = (): number => {
    const condition = binary(0)
    if (peek() !== '?') return condition
    pos++
    const whenTrue = assignment()
    if (tokens[pos++] !== ':') fail()
    const whenFalse = assignment()
    return condition !== 0 ? whenTrue : whenFalse
  }

  const assignment = (): number => {
    const name = tokens[pos]
    const op = tokens[pos + 1]
    if (name !== undefined && /^[A-Za-z_]/.test(name) && op !== undefined && ASSIGNMENT_OPS.includes(op)) {
      pos += 2
      const right = assignment()
      const value = op === '=' ? right : apply(op.slice(0, -1), variable(name), right, expression)
      scope.set(name, String(value))
      return value
    }
    return conditional()
  }

  let result = assignment()
  while (scope.comma && peek() === ',') {
    pos++
    result = assignment()
  }
  if (pos !== tokens.length) throw new ArithmeticError('trailing', expression)
  return result
}

function apply(op: string, a: number, b: number, expression: string): number {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
    case '%':
      if (b === 0) throw new ArithmeticError('division-by-zero', expression)
      return op === '/' ? Math.trunc(a / b) : a % b
    case '<<':
      return a << b
    case '>>':
      return a >> b
    case '<':
      return Number(a < b)
    case '<=':
      return Number(a <= b)
    case '>':
      return Number(a > b)
    case '>=':
      return Number(a >= b)
    case '==':
      return Number(a === b)
    case '!=':
      return Number(a !== b)
    case '&':
      return a & b
    case '^':
      return a ^ b
    case '|':
      return a | b
    case '&&':
      return Number(a !== 0 && b !== 0)
    default:
      return Number(a !== 0 || b !== 0)
  }
}
