// cli-runtime printers/terminal.go EscapeTerminal: ESC → `^[`, CR → `\r`, so that object data
// cannot drive the learner's terminal (kubernetes/kubernetes#101695).
export function escapeTerminal(s: string): string {
  return s.split('\u001b').join('^[').split('\r').join('\\r')
}
