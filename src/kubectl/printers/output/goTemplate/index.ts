// kubectl's GoTemplatePrinter (cli-runtime printers/template.go) on a port of Go's text/template:
// the template is named "output", has the builtins plus kubectl's exists and base64decode, and runs
// on the object as apimachinery decodes it. An execution error also dumps the template and the
// data to stdout, as kubectl does, before `error: error executing template …` on stderr.
import { goJsonMarshal } from '../json'
import { goQuote, goSprint } from '../goFormat'
import type { JsonValue } from '../unstructured'
import { type ExecOptions, execute } from './exec'
import { FUNCS } from './funcs'
import { TemplateParseError, type Tree, parseTemplate } from './parser'
import { fromJson } from './values'

export { TemplateParseError } from './parser'

const NAME = 'output'
const FUNC_NAMES: ReadonlySet<string> = new Set(FUNCS.keys())

export interface GoTemplate {
  text: string
  trees: ReadonlyMap<string, Tree>
}

/** template.New("output").Funcs(kubectl's).Parse(text); throws TemplateParseError with Go's message. */
export function parseGoTemplate(text: string): GoTemplate {
  return { text, trees: parseTemplate(NAME, text, FUNC_NAMES) }
}

/** Execute on JSON data: what was written, and Go's error text if execution stopped. */
export function executeGoTemplate(
  t: GoTemplate,
  data: JsonValue,
  opts: ExecOptions = { missingKey: 'default' },
): { output: string; error?: string } {
  return execute(t.trees, NAME, t.text, fromJson(data) ?? undefined, opts)
}

export interface TemplateOutput {
  stdout: string
  stderr: string
  exitCode: 0 | 1
  /** The printer could not be built (kubectl's ToPrinter failed), so nothing else was printed. */
  printerError?: boolean
}

/** `kubectl get -o go-template=TEMPLATE`: the output, or kubectl's error texts. */
export function printGoTemplate(data: JsonValue, template: string, allowMissingKeys = true): TemplateOutput {
  let t: GoTemplate
  try {
    t = parseGoTemplate(template)
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e
    return {
      stdout: '',
      stderr: `error: error parsing template ${template}, ${e.message}\n`,
      exitCode: 1,
      printerError: true,
    }
  }
  const { output, error } = executeGoTemplate(t, data, { missingKey: allowMissingKeys ? 'default' : 'error' })
  if (error === undefined) return { stdout: output, stderr: '', exitCode: 0 }
  const debug =
    `Error executing template: ${error}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\traw data was:\n\t\t${goJsonMarshal(data)}\n` +
    `\tobject given to template engine was:\n\t\t${goSprint(data)}\n\n`
  return {
    stdout: output + debug,
    stderr: `error: error executing template ${goQuote(template)}: ${error}\n`,
    exitCode: 1,
  }
}
