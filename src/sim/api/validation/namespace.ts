// Namespace validation: pkg/apis/core/validation/validation.go (ValidateNamespace,
// ValidateNamespaceUpdate). Namespace names are DNS-1123 labels.
import type { FieldError } from '../errors'
import type { Namespace } from '../../model'
import { invalid } from './field'
import { isQualifiedName, nameIsDNSLabel } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { nameFn: nameIsDNSLabel, namespaced: false })
  for (const f of ns.spec?.finalizers ?? []) {
    errs.push(...isQualifiedName(f).map((m) => invalid('spec.finalizers', f, m)))
    if (!f.includes('/') && !standardFinalizers.has(f)) {
      errs.push(
        invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'),
      )
    }
  }
  return errs
}

export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata)
}
