// oxlint-disable-next-line no-restricted-imports -- a test comparing a generated file, not engine code
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { OUTPUT, knownFieldsModule } from '../../../scripts/known-fields'

// The generator builds a TypeScript program over kubernetes-types: seconds, more on a busy machine.
test(
  'knownFields.generated.ts is what `npm run known-fields` generates now',
  { timeout: 180_000 },
  async () => {
    const committed = readFileSync(new URL(`../../../${OUTPUT}`, import.meta.url), 'utf8')
    // A difference: run `npm run known-fields` (after `npm run schema`, or a kubernetes-types update).
    const generated = await knownFieldsModule()
    expect(generated).toBe(committed)
  },
)
