// The field.Error constructors of k8s.io/apimachinery pkg/util/validation/field/errors.go.
// Values are rendered once, here, in the v1.34+ style (strings quoted, numbers bare, objects as
// JSON). Go marshals maps with sorted keys but structs in field order, so callers pass maps
// through sortedMap and structs as literals in Go's field order.
import { renderValue, type FieldError } from '../errors'
import { parseQuantity, type Quantity } from '../quantity'

function render(value: unknown): string {
  return typeof value === 'bigint' ? value.toString() : renderValue(value)
}

const withDetail = (e: FieldError, detail: string): FieldError => (detail ? { ...e, detail } : e)

export function required(field: string, detail = ''): FieldError {
  return withDetail({ field, type: 'Required value' }, detail)
}

export function invalid(field: string, value: unknown, detail = ''): FieldError {
  return withDetail({ field, type: 'Invalid value', value: render(value) }, detail)
}

/** NotSupported: `supported values: "a", "b"` in the order the caller gives (sorted where Go sorts). */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length
    ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`
    : ''
  return withDetail({ field, type: 'Unsupported value', value: render(value) }, detail)
}

export function forbidden(field: string, detail: string): FieldError {
  return withDetail({ field, type: 'Forbidden' }, detail)
}

export function duplicate(field: string, value: unknown): FieldError {
  return { field, type: 'Duplicate value', value: render(value) }
}

export function notFound(field: string, value: unknown): FieldError {
  return { field, type: 'Not found', value: render(value) }
}

export function tooLong(field: string, maxBytes: number): FieldError {
  return { field, type: 'Too long', detail: `may not be more than ${maxBytes} bytes` }
}

export const isNegativeErrorMsg = 'must be greater than or equal to 0'
export const fieldImmutableErrorMsg = 'field is immutable'

/** ValidateNonnegativeField; an absent value counts as Go's zero. */
export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(field, value, isNegativeErrorMsg)] : []
}

/** A Go map as json.Marshal writes it: keys sorted; nil (absent) stays nil. */
export function sortedMap<T>(m: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined {
  if (m === undefined || m === null) return undefined
  return Object.fromEntries(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k] as T]),
  )
}

/** Entries of a map in a stable order (Go's is random; insertion order reads best). */
export function entries<T>(m: Readonly<Record<string, T>> | undefined): [string, T][] {
  return m ? Object.entries(m) : []
}

/**
 * A decoded quantity field (string as written, or a YAML number). Undefined when it does not
 * parse, which only happens if validation runs on an object that skipped decodeQuantities.
 */
export function quantityOf(raw: unknown): Quantity | undefined {
  if (raw === null) return parseQuantity('0')
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined
  try {
    return parseQuantity(String(raw).trim())
  } catch {
    return undefined
  }
}
