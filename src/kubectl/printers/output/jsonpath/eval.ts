// k8s.io/client-go/util/jsonpath jsonpath.go: FindResults (with the v1.30+ range handling that
// resumes after `{end}` even when the range is empty) and PrintResults (maps and lists as compact
// JSON, everything else as fmt.Print). Map iteration (`*`, `..`) is in sorted key order where Go's
// is random.
import { goFloatG, goSprint } from '../goFormat'
import { goJsonMarshal } from '../json'
import { type JsonValue, isObject, sortedKeys } from '../unstructured'
import type { ListNode, Node, Param } from './parser'

/** A float from a `{1.5}` literal: float64 in Go, so never equal to a JSON integer (an int64). */
export class GoFloat {
  constructor(readonly value: number) {}
}
/** `undefined` is Go's invalid reflect.Value (the data of an empty range). */
export type Value = JsonValue | GoFloat | undefined

export class JsonPathExecError extends Error {}

export interface ExecOptions {
  allowMissingKeys: boolean
}

export function findResults(root: ListNode, data: Value, opts: ExecOptions): Value[][] {
  return new Evaluator(root.nodes, opts).findResults(data)
}

class Evaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: Node | undefined

  constructor(
    private rootNodes: Node[],
    private readonly opts: ExecOptions,
  ) {}

  findResults(data: Value): Value[][] {
    const cur: Value[] = [data]
    const nodes = this.rootNodes
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]!)
      // An end node closes the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        this.rootNodes = nodes.slice(i + 1)
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v))
        else this.findResults(undefined) // walk the body only to find its end
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce<Value[]>((cur, n) => this.walk(cur, n), input)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.value)
      case 'array':
        return this.evalArray(input, node.params)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
        return input.map(() => node.value)
      case 'float':
        return input.map(() => new GoFloat(node.value))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap(children)
      case 'recursive':
        return this.evalRecursive(input)
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n))
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) this.endRange++
      else throw new JsonPathExecError('not in range, nothing to end')
      return []
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`)
  }

  private evalField(input: Value[], key: string): Value[] {
    const results: Value[] = []
    for (const v of input) {
      if (isObject(v as JsonValue) && Object.prototype.hasOwnProperty.call(v, key))
        results.push((v as Record<string, JsonValue>)[key])
    }
    if (results.length === 0 && input.length > 0 && !this.opts.allowMissingKeys)
      throw new JsonPathExecError(`${key} is not found`)
    return results
  }

  private evalArray(input: Value[], node: readonly [Param, Param, Param]): Value[] {
    const result: Value[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice`)
      const len = value.length
      const p = node.map((x) => ({ ...x })) as [Param, Param, Param]
      if (!p[0].known) p[0].value = 0
      if (p[0].value < 0) p[0].value += len
      if (!p[1].known) p[1].value = len
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len
      if (p[1].value === p[0].value) return result
      if (p[0].value >= len || p[0].value < 0)
        throw new JsonPathExecError(`array index out of bounds: index ${p[0].value}, length ${len}`)
      if (p[1].value > len || p[1].value < 0)
        throw new JsonPathExecError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`)
      if (p[0].value > p[1].value)
        throw new JsonPathExecError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`)
      const slice = value.slice(p[0].value, p[1].value)
      let step = 1
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathExecError('step must be > 0')
        step = p[2].value
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]!)
    }
    return result
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      const kids = children(value)
      if (kids.length === 0) continue
      result.push(value)
      result.push(...this.evalRecursive(kids))
    }
    return result
  }

  private evalFilter(input: Value[], node: Extract<Node, { type: 'filter' }>): Value[] {
    const results: Value[] = []
    for (const value of input) {
      if (!Array.isArray(value))
        throw new JsonPathExecError(
          `${value instanceof GoFloat ? goFloatG(value.value) : goSprint(value)} is not array or slice and cannot be filtered`,
        )
      for (const item of value) {
        let lefts: Value[]
        try {
          lefts = this.walk([item], node.left)
        } catch (e) {
          if (node.operator === 'exists') continue
          throw e
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        const rights = this.walk([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        if (compare(lefts[0], rights[0], node.operator)) results.push(item)
      }
    }
    return results
  }
}

/** Wildcard/recursive children: map values, list items, or a string's bytes (uint8 in Go). */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v
  if (typeof v === 'string') return utf8Bytes(v)
  if (isObject(v as JsonValue))
    return sortedKeys(v as Record<string, JsonValue>).map((k) => (v as Record<string, JsonValue>)[k]!)
  return []
}

/** UTF-8 bytes (TextEncoder is not part of the engine's ES-only lib). */
function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return out
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid'

function basicKind(v: Value): Kind {
  if (v instanceof GoFloat) return 'float'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (typeof v === 'string') return 'string'
  return 'invalid'
}

const num = (v: Value) => (v instanceof GoFloat ? v.value : (v as number))

/** text/template's eq/ne/lt/le/gt/ge (forked into client-go): same basic kinds only. */
function compare(a: Value, b: Value, op: string): boolean {
  const ka = basicKind(a)
  const kb = basicKind(b)
  if (ka === 'invalid' || kb === 'invalid') throw new JsonPathExecError('invalid type for comparison')
  if (ka !== kb) throw new JsonPathExecError('incompatible types for comparison')
  const eq = () => (ka === 'string' || ka === 'bool' ? a === b : num(a) === num(b))
  const lt = () => {
    if (ka === 'bool') throw new JsonPathExecError('invalid type for comparison')
    return ka === 'string' ? (a as string) < (b as string) : num(a) < num(b)
  }
  switch (op) {
    case '==':
      return eq()
    case '!=':
      return !eq()
    case '<':
      return lt()
    case '<=':
      return lt() || eq()
    case '>':
      return !(lt() || eq())
    case '>=':
      return !lt()
  }
  throw new JsonPathExecError(`unrecognized filter operator ${op}`)
}

function goTypeName(v: Value): string {
  if (v instanceof GoFloat) return 'float64'
  if (isObject(v as JsonValue)) return 'map[string]interface {}'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return typeof v === 'boolean' ? 'bool' : 'string'
}

/** fmt.Print of one result (evalToText): strings raw, numbers as Go prints them, nil as `<nil>`. */
function goPrint(v: Value): string {
  if (v === undefined) return '<no value>'
  if (v === null) return '<nil>'
  if (v instanceof GoFloat) return goFloatG(v.value)
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloatG(v)
  if (Array.isArray(v) || isObject(v)) return goJsonMarshal(v)
  return String(v)
}

/** PrintResults: each result group's values separated by spaces, maps and lists as JSON. */
export function printResults(groups: Value[][], asJson = false): string {
  if (asJson) {
    return groups
      .map(
        (g) =>
          `${goJsonMarshal(
            g.map((v) => (v instanceof GoFloat ? v.value : (v ?? null))),
            '    ',
          )}\n`,
      )
      .join('')
  }
  return groups.map((g) => g.map(goPrint).join(' ')).join('')
}
