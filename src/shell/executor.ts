// Control flow: lists, and-or lists, pipelines and compound commands (if, for, while, until, case,
// groups, subshells). Simple commands are SimpleCommandRunner's. A pipeline runs its stages one
// after another, each reading the previous stage's captured output: the same bytes as concurrent
// stages for programs that do not interact.
import type { AndOrList, CommandList, CommandNode, Pipeline } from './ast'
import { InputStream } from './command'
import { expandPattern, expandWord, expandWords } from './expand'
import { matchesPattern } from './glob'
import type { Descriptors } from './redirect'
import type { RunContext } from './runContext'
import { SimpleCommandRunner } from './simpleCommand'
import { ExitSignal, FatalShellError, LoopControl, ReturnSignal, type ShellState } from './state'

export class Executor {
  private readonly commands: SimpleCommandRunner

  constructor(private readonly ctx: RunContext) {
    this.commands = new SimpleCommandRunner(ctx, this)
  }

  execList(list: CommandList, state: ShellState, fds: Descriptors): number {
    let status = 0
    for (const item of list) {
      const result = this.execAndOr(item, state, fds)
      status = result.status
      state.lastStatus = status
      if (status !== 0 && state.options.errexit && !result.exempt && state.conditionDepth === 0)
        throw new ExitSignal(status)
    }
    return status
  }

  /** `exempt`: the status came from a place where `set -e` does not apply. */
  private execAndOr(
    item: AndOrList,
    state: ShellState,
    fds: Descriptors,
  ): { status: number; exempt: boolean } {
    let status = this.asCondition(state, item.rest.length > 0, () =>
      this.execPipeline(item.first, state, fds),
    )
    let exempt = item.rest.length > 0 || item.first.negated
    item.rest.forEach(({ op, pipeline }, i) => {
      if ((op === '&&') !== (status === 0)) return
      const last = i === item.rest.length - 1
      state.lastStatus = status
      status = this.asCondition(state, !last, () => this.execPipeline(pipeline, state, fds))
      exempt = !last || pipeline.negated
    })
    return { status, exempt }
  }

  private asCondition(state: ShellState, condition: boolean, run: () => number): number {
    if (!condition) return run()
    state.conditionDepth++
    try {
      return run()
    } finally {
      state.conditionDepth--
    }
  }

  private execPipeline(pipeline: Pipeline, state: ShellState, fds: Descriptors): number {
    this.ctx.line = pipeline.line
    let status: number
    if (pipeline.commands.length === 1) status = this.execCommand(pipeline.commands[0]!, state, fds)
    else {
      let input = fds.stdin
      const statuses = pipeline.commands.map((command, i) => {
        const last = i === pipeline.commands.length - 1
        let captured = ''
        const stage: Descriptors = {
          stdin: input,
          stdout: last ? fds.stdout : (text) => (captured += text),
          stderr: fds.stderr,
        }
        const stageStatus = this.inSubshell(state, (sub) => this.execCommand(command, sub, stage))
        input = new InputStream(captured)
        return stageStatus
      })
      status = state.options.pipefail
        ? ([...statuses].reverse().find((s) => s !== 0) ?? 0)
        : statuses[statuses.length - 1]!
    }
    return pipeline.negated ? Number(status === 0) : status
  }

  inSubshell(state: ShellState, run: (sub: ShellState) => number): number {
    const sub = state.clone()
    try {
      return run(sub)
    } catch (signal) {
      if (signal instanceof ExitSignal || signal instanceof FatalShellError || signal instanceof ReturnSignal)
        return signal.status
      if (signal instanceof LoopControl) return 0
      throw signal
    }
  }

  execCommand(node: CommandNode, state: ShellState, fds: Descriptors): number {
    if (node.kind === 'simple') return this.commands.run(node, state, fds)
    if (node.kind === 'function') {
      state.functions.set(node.name, node.body)
      return 0
    }
    const redirected = this.commands.redirect(node.redirects, state, fds)
    if (!redirected.ok) return this.commands.redirectFailure(fds, redirected.message, false)
    const io = redirected.fds
    switch (node.kind) {
      case 'group':
        return this.execList(node.body, state, io)
      case 'subshell':
        return this.inSubshell(state, (sub) => this.execList(node.body, sub, io))
      case 'if': {
        for (const branch of node.branches) {
          if (this.asCondition(state, true, () => this.execList(branch.condition, state, io)) === 0)
            return this.execList(branch.body, state, io)
        }
        return node.otherwise ? this.execList(node.otherwise, state, io) : 0
      }
      case 'for': {
        const items = node.items
          ? this.commands.expand(io, () => expandWords(node.items!, this.commands.host(state, io)))
          : [...state.positional]
        return this.loop(state, io, node.body, (iteration) => {
          if (iteration >= items.length) return false
          state.set(node.variable, items[iteration]!)
          return true
        })
      }
      case 'case': {
        const host = this.commands.host(state, io)
        const subject = this.commands.expand(io, () => expandWord(node.subject, host))
        const item = node.items.find((candidate) =>
          candidate.patterns.some((p) =>
            matchesPattern(
              this.commands.expand(io, () => expandPattern(p, host)),
              subject,
            ),
          ),
        )
        return item ? this.execList(item.body, state, io) : 0
      }
      case 'while':
        return this.loop(state, io, node.body, () => {
          const status = this.asCondition(state, true, () => this.execList(node.condition, state, io))
          return node.until ? status !== 0 : status === 0
        })
    }
  }

  /** Runs `body` while `proceed(iteration)` says so, honouring break/continue and the loop guard. */
  private loop(
    state: ShellState,
    fds: Descriptors,
    body: CommandList,
    proceed: (iteration: number) => boolean,
  ): number {
    let status = 0
    this.ctx.loopDepth++
    try {
      for (let iteration = 0; proceed(iteration); iteration++) {
        if (iteration >= this.ctx.maxLoops) {
          this.ctx.report(fds.stderr, {
            kind: 'plain',
            text: `loop stopped after ${this.ctx.maxLoops} iterations (simulator limit)`,
          })
          throw new FatalShellError(1)
        }
        try {
          status = this.execList(body, state, fds)
        } catch (signal) {
          if (!(signal instanceof LoopControl)) throw signal
          if (signal.levels > 1) {
            signal.levels--
            throw signal
          }
          if (signal.kind === 'break') break
        }
      }
    } finally {
      this.ctx.loopDepth--
    }
    return status
  }
}
