// The syntax tree of a POSIX shell script, as the parser builds it and the interpreter walks it.
// Words keep their parts (quoted or not) so expansion can decide later what is split and globbed.

export interface Script {
  readonly commands: readonly TopLevelCommand[]
}

/** One complete command as the user wrote it: a line, or the lines of a multi-line construct. */
export interface TopLevelCommand {
  /** The text as written, for echoing (`$ <source>`). A here-document contributes only its first line. */
  readonly source: string
  /** 1-based line of the first token. */
  readonly line: number
  readonly list: CommandList
}

/** And-or lists run one after another (separated by `;` or newlines). */
export type CommandList = readonly AndOrList[]

export interface AndOrList {
  readonly first: Pipeline
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[]
}

export interface Pipeline {
  readonly negated: boolean
  readonly commands: readonly CommandNode[]
  readonly line: number
}

export type CommandNode =
  SimpleCommand | ForLoop | CaseClause | IfClause | WhileLoop | BraceGroup | Subshell | FunctionDefinition

interface CommandBase {
  readonly line: number
  readonly redirects: readonly Redirect[]
}

export interface SimpleCommand extends CommandBase {
  readonly kind: 'simple'
  readonly assignments: readonly Assignment[]
  readonly words: readonly Word[]
}

export interface Assignment {
  readonly name: string
  readonly value: Word
}

export interface ForLoop extends CommandBase {
  readonly kind: 'for'
  readonly variable: string
  /** null for `for name; do` (iterates over the positional parameters). */
  readonly items: readonly Word[] | null
  readonly body: CommandList
}

export interface CaseClause extends CommandBase {
  readonly kind: 'case'
  readonly subject: Word
  /** The first item with a pattern matching the subject runs; an empty body does nothing. */
  readonly items: readonly { readonly patterns: readonly Word[]; readonly body: CommandList }[]
}

export interface IfClause extends CommandBase {
  readonly kind: 'if'
  readonly branches: readonly { readonly condition: CommandList; readonly body: CommandList }[]
  readonly otherwise: CommandList | null
}

export interface WhileLoop extends CommandBase {
  readonly kind: 'while'
  readonly until: boolean
  readonly condition: CommandList
  readonly body: CommandList
}

export interface BraceGroup extends CommandBase {
  readonly kind: 'group'
  readonly body: CommandList
}

export interface Subshell extends CommandBase {
  readonly kind: 'subshell'
  readonly body: CommandList
}

export interface FunctionDefinition extends CommandBase {
  readonly kind: 'function'
  readonly name: string
  readonly body: CommandNode
}

export type Redirect = FileRedirect | HereDocRedirect

export interface FileRedirect {
  readonly kind: 'file'
  readonly fd: number
  /** `>&` and `<&` duplicate a descriptor: their target is a number or `-`. */
  readonly op: '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&'
  readonly target: Word
}

export interface HereDocRedirect {
  readonly kind: 'heredoc'
  readonly fd: number
  readonly doc: HereDoc
}

/** Filled in by the lexer when it reaches the line after the `<<` operator. */
export interface HereDoc {
  readonly delimiter: string
  /** A quoted delimiter (`<<'EOF'`) turns off expansion in the body. */
  readonly quoted: boolean
  /** `<<-` strips leading tabs from body lines and from the delimiter line. */
  readonly stripTabs: boolean
  body: Word
}

export interface Word {
  /** The word as written (quotes and all), for traces and messages. */
  readonly raw: string
  readonly parts: readonly WordPart[]
}

export type WordPart =
  | { readonly type: 'literal'; readonly text: string; readonly quoted: boolean }
  | {
      readonly type: 'parameter'
      readonly name: string
      readonly modifier: ParameterModifier | null
      readonly quoted: boolean
    }
  | { readonly type: 'command'; readonly list: CommandList; readonly quoted: boolean }
  | { readonly type: 'arithmetic'; readonly expression: Word; readonly quoted: boolean }

export type ParameterModifier =
  | { readonly op: 'length' }
  | {
      readonly op: '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?' | '#' | '##' | '%' | '%%'
      readonly word: Word
    }
