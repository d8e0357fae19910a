// The editor's checks in one pass over the text: it is read once (documents.ts), each object is
// run once through the API server's admission (admission.ts), and both the diagnostics
// (validate.ts) and the preview (preview.ts) come from that. Pure, and structured-clonable, so
// it can run in a worker (src/ui/editor/manifestCheck.worker.ts).
import type { StatefulSet } from '../sim/model'
import { qualifiedSingular } from '../sim/model/kinds'
import { CLUSTER_DOMAIN } from '../sim/bootstrap'
import { checkOnServer } from './admission'
import { ClusterIndex } from './cluster'
import { loadDocuments, type LoadedObject } from './documents'
import { firstLine, locateField, type SourceRange } from './positions'
import type { ManifestPreview, PreviewObject, StatefulSetPreview } from './preview'
import { MAX_SLOTS, setPreview } from './slots'
import type { CheckOptions, Diagnostic, Severity } from './validate'
import { objectWarnings } from './warnings'

export const EDITOR_SOURCE = 'editor.yaml'

/** Slots listed over all StatefulSets of one text (each set still says how many it will have). */
export const MAX_TOTAL_SLOTS = 2000

export interface ManifestCheck {
  diagnostics: Diagnostic[]
  preview: ManifestPreview
}

export function checkManifests(text: string, options: CheckOptions = {}): ManifestCheck {
  const source = options.source ?? EDITOR_SOURCE
  const loaded = loadDocuments(text, source)
  const items = loaded.objects.flatMap((o) => (o.item ? [o.item.object] : []))
  const cluster = new ClusterIndex(options.cluster, items)
  const out: Diagnostic[] = []
  const objects: PreviewObject[] = []
  const statefulSets: StatefulSetPreview[] = []
  let slotBudget = MAX_TOTAL_SLOTS
  for (const o of loaded.objects) {
    if (o.error) {
      out.push(at(o, o.error.path, 'error', o.error.message))
      continue
    }
    const item = o.item!
    const outcome = checkOnServer(item, cluster, source)
    for (const f of outcome.failures) out.push(at(o, f.path, 'error', f.message))
    for (const w of objectWarnings(item.object, cluster)) out.push(at(o, w.path, 'warning', w.message))
    const { object, info } = item
    const fails = outcome.failures.length > 0
    const ns = object.metadata.namespace
    objects.push({
      kind: info.kind,
      name: object.metadata.name,
      ...(ns ? { namespace: ns } : {}),
      ref: `${qualifiedSingular(info)}/${object.metadata.name}`,
      action: outcome.action,
      fails,
      ...(info.kind === 'Service' ? { dnsName: `${object.metadata.name}.${ns}.svc.${CLUSTER_DOMAIN}` } : {}),
    })
    if (info.kind === 'StatefulSet' && !fails) {
      const set = setPreview(object as StatefulSet, cluster, Math.min(MAX_SLOTS, slotBudget))
      slotBudget -= set.slots.length
      statefulSets.push(set)
    }
  }
  for (const d of loaded.duplicates) out.push({ ...d.range, severity: 'warning', message: d.message })
  if (loaded.syntaxError)
    out.push({ ...loaded.syntaxError.range, severity: 'error', message: loaded.syntaxError.message })
  else if (loaded.objects.length === 0)
    out.push({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      message: 'error: no objects passed to apply',
    })
  return { diagnostics: sorted(unique(out)), preview: { objects, statefulSets } }
}

/** kubectl prints a repeated cause once. */
function unique(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return ds.filter((d) => {
    const k = `${d.line}:${d.column}:${d.message}`
    return !seen.has(k) && !!seen.add(k)
  })
}

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2)

function sorted(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.line - b.line || a.column - b.column || rank(a) - rank(b))
}

function at(o: LoadedObject, path: string, severity: Severity, message: string): Diagnostic {
  const range: SourceRange = path || o.prefix ? locateField(o.doc, o.prefix + path) : firstLine(o.doc)
  return { ...range, severity, message }
}
