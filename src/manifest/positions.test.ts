import { describe, expect, it } from 'vitest'
import { firstLine, indexDocuments, locateField, parseFieldPath } from './positions'
import { WEB_YAML } from '../kubectl/testing/kubectlHarness'

const [service, statefulSet] = indexDocuments(WEB_YAML)

/** The text of a whole-text line (1-based). */
const lineText = (text: string, line: number) => text.split('\n')[line - 1]

describe('parseFieldPath', () => {
  it('splits fields, list indexes and map keys the way field.Path prints them', () => {
    expect(parseFieldPath('spec.volumeClaimTemplates[0].spec.resources[storage]')).toEqual([
      { field: 'spec' },
      { field: 'volumeClaimTemplates' },
      { index: 0 },
      { field: 'spec' },
      { field: 'resources' },
      { key: 'storage' },
    ])
  })

  it('keeps dots and slashes inside a bracketed key', () => {
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual([
      { field: 'metadata' },
      { field: 'labels' },
      { key: 'app.kubernetes.io/name' },
    ])
  })
})

describe('indexDocuments', () => {
  it('splits on --- lines as parse.ts does, numbering lines in the whole text', () => {
    expect(indexDocuments(WEB_YAML).map((d) => d.startLine)).toEqual([1, 15])
  })

  it('keeps an index for a document that does not parse, without a tree', () => {
    const [doc] = indexDocuments('a: [1\n')
    expect(doc?.root).toBeUndefined()
    expect(firstLine(doc!)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 6 })
  })
})

describe('locateField', () => {
  it('points at a map entry from its key to the end of its line', () => {
    const range = locateField(statefulSet!, 'spec.replicas')
    expect(range).toEqual({ line: 21, column: 3, endLine: 21, endColumn: 14 })
    expect(lineText(WEB_YAML, range.line)).toBe('  replicas: 2')
  })

  it('finds spec.template.metadata.labels at the labels line', () => {
    const range = locateField(statefulSet!, 'spec.template.metadata.labels')
    expect(lineText(WEB_YAML, range.line)).toBe('      labels:')
    expect(range.column).toBe(7)
  })

  it('finds spec.template.labels (ValidatePodTemplateSpec drops metadata) at the same line', () => {
    expect(locateField(statefulSet!, 'spec.template.labels')).toEqual(
      locateField(statefulSet!, 'spec.template.metadata.labels'),
    )
  })

  it('walks list items and finds a container port', () => {
    const range = locateField(statefulSet!, 'spec.template.spec.containers[0].ports[0].containerPort')
    expect(lineText(WEB_YAML, range.line)).toBe('        - containerPort: 80')
    expect(range.column).toBe(11)
  })

  it('finds resources[storage] under resources.requests', () => {
    const range = locateField(statefulSet!, 'spec.volumeClaimTemplates[0].spec.resources[storage]')
    expect(lineText(WEB_YAML, range.line)).toBe('          storage: 1Gi')
  })

  it('falls back to the deepest field present for a missing one', () => {
    const range = locateField(statefulSet!, 'spec.template.spec.containers[0].image.missing')
    expect(lineText(WEB_YAML, range.line)).toBe('        image: registry.k8s.io/nginx-slim:0.7')
    expect(lineText(WEB_YAML, locateField(service!, 'spec.ports[3].name').line)).toBe('  ports:')
  })

  it("falls back to the document's first content line when nothing matches", () => {
    const [doc] = indexDocuments('# comment\n\nkind: Service\n')
    expect(locateField(doc!, 'spec.selector')).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 14 })
  })

  it('handles quoted keys, flow collections and CRLF line ends', () => {
    const text = 'spec:\r\n  "selector": {app: web}\r\n  ports: [ {port: 80} ]\r\n'
    const [doc] = indexDocuments(text)
    expect(locateField(doc!, 'spec.selector')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 25 })
    expect(locateField(doc!, 'spec.ports[0].port').line).toBe(3)
    expect(locateField(doc!, 'spec.ports[0].port').column).toBe(13)
  })

  it('finds a list item by index in a block sequence', () => {
    const text = 'items:\n- a: 1\n- b: 2\n  c: 3\n'
    const [doc] = indexDocuments(text)
    expect(locateField(doc!, 'items[1]')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 7 })
    expect(locateField(doc!, 'items[1].c')).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 7 })
  })
})
