// What a lesson is: narrated steps, each with an action the learner takes and an automatic check
// against the cluster that marks it done; some steps pause the cluster to ask for a prediction
// and then compare the answer with what the engine did. Pure data and predicates: no React.
import type { Localized } from '../i18n/i18n'
import type { ClusterSnapshot, ConsoleLine } from '../state/clusterSession'

/** What a check sees: the cluster now and the console so far. */
export interface LessonContext {
  readonly snapshot: ClusterSnapshot
  readonly console: readonly ConsoleLine[]
}

/** The moment a step became the current one: checks compare against it ("a new uid", "typed since"). */
export interface StepStart {
  readonly snapshot: ClusterSnapshot
  /** The id of the last console line when the step began (lines after it are the step's). */
  readonly consoleId: number
}

/** What the learner does in a step: apply an example, or run commands (a button runs them; typing works too). */
export type StepAction =
  | { readonly kind: 'apply'; readonly example: string }
  | { readonly kind: 'commands'; readonly commands: readonly string[] }

export interface PredictionOption {
  readonly id: string
  readonly label: Localized
}

/**
 * A question asked at a chosen moment: when `ask` first holds during the step, the cluster pauses
 * and the learner picks an option; `outcome` then names the option the engine proved right (undefined
 * while it has not happened yet).
 */
export interface Prediction {
  readonly question: Localized
  readonly options: readonly PredictionOption[]
  readonly ask: (ctx: LessonContext, start: StepStart) => boolean
  readonly outcome: (ctx: LessonContext, asked: StepStart) => string | undefined
  /** Why the right answer is right (shown once the outcome is known). */
  readonly explain: Localized
}

export interface LessonStep {
  readonly id: string
  readonly title: Localized
  /** A few sentences; `code` spans are drawn as code (never parsed as HTML). */
  readonly text: Localized
  readonly action?: StepAction
  /** What to look at while it happens (a hint under the action). */
  readonly watch?: Localized
  /** The automatic check: the step is done once it holds. */
  readonly done: (ctx: LessonContext, start: StepStart) => boolean
  readonly prediction?: Prediction
}

export interface DocLink {
  readonly label: Localized
  readonly url: string
}

export interface Lesson {
  readonly id: string
  readonly title: Localized
  /** One line: what the lesson teaches. */
  readonly goal: Localized
  /** The example the editor opens with (the lesson starts from an empty cluster). */
  readonly example: string
  readonly steps: readonly LessonStep[]
  /** What to remember, shown when the last step is done. */
  readonly summary: Localized
  readonly docs: readonly DocLink[]
}
