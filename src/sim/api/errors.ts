// API errors shaped like metav1.Status, so kubectl can render them as kubectl does
// (`Error from server (NotFound): …`, `The StatefulSet "web" is invalid: …`).

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Duplicate value'
  | 'Forbidden'
  | 'Too long'
  | 'Not found'
  | 'Internal error'

/** One cause, e.g. `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldError {
  field: string
  type: FieldErrorType
  /** Already rendered as Kubernetes renders values (`"Web"`, `-1`, `{"app":"web"}`); absent when not shown. */
  value?: string
  detail?: string
}

export function fieldErrorText(e: FieldError): string {
  let s = `${e.field}: ${e.type}`
  if (
    e.value !== undefined &&
    e.type !== 'Required value' &&
    e.type !== 'Forbidden' &&
    e.type !== 'Too long'
  ) {
    s += `: ${e.value}`
  }
  if (e.detail) s += `: ${e.detail}`
  return s
}

/** Renders a value in the v1.34+ API error style: strings quoted, numbers bare, objects as JSON. */
export function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (v === undefined) return 'null'
  return JSON.stringify(v)
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError'

const codes: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  InternalError: 500,
}

export class StatusError extends Error {
  readonly code: number
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: { kind?: string; group?: string; name?: string; causes?: FieldError[] } = {},
  ) {
    super(message)
    this.code = codes[reason]
  }
}

export function notFound(resource: string, name: string): StatusError {
  return new StatusError('NotFound', `${resource} "${name}" not found`, { name })
}

export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${resource} "${name}" already exists`, { name })
}

/** 422 Invalid, as apimachinery's NewInvalid builds it. `qualifiedKind` is e.g. `StatefulSet.apps`. */
export function invalid(kind: string, group: string, name: string, causes: FieldError[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind
  const texts = [...new Set(causes.map(fieldErrorText))]
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  return new StatusError('Invalid', `${qualified} "${name}" is invalid: ${body}`, {
    kind,
    group,
    name,
    causes,
  })
}
