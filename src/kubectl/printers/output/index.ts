// kubectl get's generic printers (get.go printGeneric and cli-runtime printers): `-o yaml`,
// `-o json`, `-o name`, `-o jsonpath=…` (and `jsonpath-as-json`, `jsonpath-file`),
// `-o go-template=…` (`template`, `go-template-file`, `templatefile`, or `--template`),
// `-o custom-columns=…`. Several objects, or any list request, print as a `kind: List` with
// `resourceVersion: ""`.
import { kindInfo } from '../../../sim/model/kinds'
import type { KubeObject } from '../../../sim/model'
import { CustomColumnsError, printCustomColumns } from './customColumns'
import { goQuote, goSharpV } from './goFormat'
import { printGoTemplate } from './goTemplate'
import { JsonPathExecError, findResults, printResults } from './jsonpath/eval'
import { JsonPathParseError, parseJsonPath } from './jsonpath/parser'
import { printJson } from './json'
import { type JsonObject, type JsonValue, toUnstructured } from './unstructured'
import { printYaml } from './yaml'

export interface OutputOptions {
  /**
   * `yaml`, `json`, `name`, `jsonpath=TEMPLATE`, `jsonpath-as-json=TEMPLATE`, `jsonpath-file=FILE`,
   * `go-template=TEMPLATE`, `template=…`, `go-template-file=FILE`, `templatefile=…`, `custom-columns=SPEC`.
   */
  output: string
  /** `--template`: with it, -o must be the bare format name, and this is the template (or file). */
  template?: string
  /** Reads the file of `-o go-template-file=FILE` (and the other -file formats); undefined when missing. */
  readFile?: (path: string) => string | undefined
  /** `get pod web-0` (one named object): print the object itself instead of a List. */
  singleItem?: boolean
  /** `--allow-missing-template-keys` (default true): missing fields print nothing instead of failing. */
  allowMissingTemplateKeys?: boolean
  noHeaders?: boolean
}

/** What kubectl writes: stdout, stderr (complete, `error: …` lines included) and the exit code. */
export interface OutputResult {
  stdout: string
  stderr: string
  exitCode: 0 | 1
  /** kubectl could not build the printer (ToPrinter failed): it printed nothing else, not even fetch errors. */
  printerError?: boolean
}

const ok = (stdout: string): OutputResult => ({ stdout, stderr: '', exitCode: 0 })
const fail = (message: string): OutputResult => ({
  stdout: '',
  stderr: message.endsWith('\n') ? message : `${message}\n`,
  exitCode: 1,
})
const printerFail = (message: string): OutputResult => ({ ...fail(message), printerError: true })

const TEMPLATE_FILE_FORMATS = ['go-template-file', 'templatefile', 'jsonpath-file']

/** The object kubectl hands to its printer: the single object, or a v1 List of all of them. */
export function printable(objects: readonly KubeObject[], singleItem = false): JsonObject {
  if (singleItem && objects.length === 1) return toUnstructured(objects[0]) as JsonObject
  return {
    apiVersion: 'v1',
    items: objects.map((o) => toUnstructured(o)),
    kind: 'List',
    metadata: { resourceVersion: '' },
  }
}

/** `pod/web-0`, `statefulset.apps/web`: NamePrinter's lower-case kind, group when not core. */
export function resourceName(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')[0]!
    : (kindInfo(obj.kind)?.group ?? '')
  return `${obj.kind.toLowerCase()}${group ? `.${group}` : ''}/${obj.metadata.name}`
}

/**
 * Prints `objects` in a non-table output format. Throws on a format name it does not know (the
 * caller validates `-o`); template errors come back as kubectl's stderr text and exit code 1.
 */
export function printOutput(objects: readonly KubeObject[], opts: OutputOptions): OutputResult {
  const eq = opts.template ? -1 : opts.output.indexOf('=')
  const format = eq < 0 ? opts.output : opts.output.slice(0, eq)
  let argument = opts.template || (eq < 0 ? '' : opts.output.slice(eq + 1))
  const data = printable(objects, opts.singleItem)
  if (TEMPLATE_FILE_FORMATS.includes(format)) {
    if (argument === '') return printerFail('error: template format specified but no template given')
    const text = opts.readFile?.(argument)
    if (text === undefined)
      return printerFail(
        `error: error reading --template ${argument}, open ${argument}: no such file or directory\n`,
      )
    argument = text
  }
  switch (format) {
    case 'yaml':
      return ok(printYaml(data))
    case 'json':
      return ok(printJson(data))
    case 'name':
      return ok(objects.map((o) => `${resourceName(o)}\n`).join(''))
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      if (argument === '' && !TEMPLATE_FILE_FORMATS.includes(format))
        return printerFail('error: template format specified but no template given')
      return printGoTemplate(data, argument, opts.allowMissingTemplateKeys ?? true)
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
      return printJsonPath(
        data,
        argument,
        opts.allowMissingTemplateKeys ?? true,
        format === 'jsonpath-as-json',
      )
    case 'custom-columns':
      try {
        const items = data.kind === 'List' ? (data.items as JsonValue[]) : [data]
        return ok(printCustomColumns(items, argument, opts.noHeaders))
      } catch (e) {
        if (e instanceof CustomColumnsError || e instanceof JsonPathParseError)
          return fail(`error: ${e.message}`)
        throw e
      }
  }
  throw new Error(`unsupported output format ${JSON.stringify(opts.output)}`)
}

/** JSONPathPrinter.PrintObj with the flags' error wrapping, as `kubectl get -o jsonpath` prints it. */
export function printJsonPath(
  data: JsonValue,
  template: string,
  allowMissingKeys = true,
  asJson = false,
): OutputResult {
  if (template === '') return printerFail('error: template format specified but no template given')
  let root
  try {
    root = parseJsonPath(template)
  } catch (e) {
    if (e instanceof JsonPathParseError)
      return printerFail(`error: error parsing jsonpath ${template}, ${e.message}`)
    throw e
  }
  try {
    return ok(printResults(findResults(root, data, { allowMissingKeys }), asJson))
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e
    const detail =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
    return fail(`error: error executing jsonpath ${goQuote(template)}: ${detail}\n`)
  }
}
