import { randomUUID } from 'node:crypto'
import { OpsgenieError, type Accepted, type OpsgenieClient } from '../provider/opsgenie'

export const DOCTOR_TAG = 'ondeck-doctor'
export const DOCTOR_MESSAGE = 'Ondeck doctor test alert - safe to ignore'

export interface StepResult {
  readonly step: string
  readonly ok: boolean
  readonly detail: string
}

interface Step {
  readonly name: string
  readonly send: () => Promise<Accepted>
}

/**
 * Creates, acknowledges, notes and closes one tagged alert, following each request id until
 * Opsgenie confirms it: a 202 alone proves nothing. Stops at the first failed step.
 */
export async function runWriteCheck(
  client: OpsgenieClient,
  waitTimeoutMs: number,
  report: (result: StepResult) => void,
): Promise<StepResult[]> {
  const alias = `ondeck-doctor-${randomUUID()}`
  const ref = { alias }
  const steps: Step[] = [
    {
      name: 'create test alert',
      send: () =>
        client.alerts.create({
          message: DOCTOR_MESSAGE,
          alias,
          tags: [DOCTOR_TAG],
          priority: 'P5',
          source: 'ondeck doctor',
          description:
            'Created by `npm run doctor -- --write` to check that this key can act on alerts. It is closed straight away.',
        }),
    },
    {
      name: 'acknowledge it',
      send: () => client.alerts.acknowledge(ref, { source: 'ondeck doctor' }),
    },
    {
      name: 'add a note',
      send: () =>
        client.alerts.addNote(ref, { note: 'Ondeck doctor: note check', source: 'ondeck doctor' }),
    },
    {
      name: 'close it',
      send: () =>
        client.alerts.close(ref, { source: 'ondeck doctor', note: 'Ondeck doctor: done' }),
    },
  ]
  const results: StepResult[] = []
  for (const step of steps) {
    const result = await runStep(client, step, waitTimeoutMs)
    results.push(result)
    report(result)
    if (!result.ok) break
  }
  return results
}

async function runStep(
  client: OpsgenieClient,
  step: Step,
  waitTimeoutMs: number,
): Promise<StepResult> {
  try {
    const accepted = await step.send()
    const outcome = await client.alerts.waitForRequest(accepted.requestId, {
      timeoutMs: waitTimeoutMs,
      intervalMs: 250,
    })
    const detail = `${outcome.status || outcome.action || 'processed'} (request ${accepted.requestId}${outcome.alertId === undefined ? '' : `, alert ${outcome.alertId}`})`
    return {
      step: step.name,
      ok: outcome.isSuccess,
      detail: outcome.isSuccess ? detail : `Opsgenie processed it but reported failure: ${detail}`,
    }
  } catch (error) {
    if (error instanceof OpsgenieError) return { step: step.name, ok: false, detail: error.message }
    throw error
  }
}
