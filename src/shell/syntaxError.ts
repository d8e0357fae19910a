// Syntax errors carry what went wrong, not how to say it: each shell words them differently
// (see dialect.ts), and an interactive shell asks for another line instead when input ended early.

export type TokenDescription =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'operator'; readonly text: string }
  | { readonly kind: 'newline' }
  | { readonly kind: 'eof' }

export type SyntaxIssue =
  | { readonly kind: 'unterminated-quote' }
  | { readonly kind: 'unexpected'; readonly token: TokenDescription; readonly expecting?: string }
  /** `${` without its `}`. */
  | { readonly kind: 'missing-brace' }
  /** `$((` without its `))`. */
  | { readonly kind: 'missing-arithmetic-close' }
  /** Valid shell the simulator does not run (background jobs). */
  | { readonly kind: 'unsupported'; readonly feature: string }

export class ShellSyntaxError extends Error {
  constructor(
    readonly issue: SyntaxIssue,
    /** 1-based line the error was detected on. */
    readonly line: number,
    /** True when the input ended before the construct did: more lines could complete it. */
    readonly incomplete: boolean,
  ) {
    super(`shell syntax error (${issue.kind}) on line ${line}`)
  }
}
