import { isOpsgenieError, type OpsgenieFailure, type RelayOpsgenie } from './opsgenie.js'

/**
 * What the relay's key may do, learnt on start from side-effect-free probes:
 *
 * - needed: Read (request status, account), Create and Update (the page itself), Configuration
 *   (teams, schedules, escalations and users by name; who is on call);
 * - refused unless `--allow-broad-opsgenie-key`: Delete, which the relay never uses and which would
 *   let a leaked relay key erase alerts and configuration.
 *
 * Opsgenie grants rights per integration, not per domain, so Configuration with Create and Update
 * also allows configuration writes; the relay never sends one (see `RelayOpsgenie`), and docs/relay.md
 * says so. A key Opsgenie refuses (401), a team key and an account-level key are refused too.
 */
export type KeyVerdict =
  | { readonly status: 'ok'; readonly broad: boolean }
  | { readonly status: 'refused'; readonly reason: string }
  /** The probes could not tell (Opsgenie down, throttled, unreachable): try again later. */
  | { readonly status: 'unknown'; readonly reason: string }

type ProbeResult = 'allowed' | 'forbidden' | { readonly failure: OpsgenieFailure }

async function probe(call: () => Promise<unknown>): Promise<ProbeResult> {
  try {
    await call()
    return 'allowed'
  } catch (error) {
    if (!isOpsgenieError(error)) throw error
    return error.failure.kind === 'wrong-key' ? 'forbidden' : { failure: error.failure }
  }
}

const ADVICE =
  'Create an API integration for the relay in Opsgenie with Read, Create and Update and Configuration Access only (docs/relay.md, "Paging from Slack").'

export async function checkRelayKey(
  opsgenie: RelayOpsgenie,
  allowBroad: boolean,
): Promise<KeyVerdict> {
  const steps: [keyof RelayOpsgenie['probes'], string][] = [
    ['account', 'read the account (a team key, or no Read Access)'],
    ['configuration', 'read teams (no Configuration Access)'],
    ['write', 'create and update alerts (no Create and Update Access, or an account-level key)'],
  ]
  for (const [name, cannot] of steps) {
    const result = await probe(opsgenie.probes[name])
    if (result === 'forbidden')
      return { status: 'refused', reason: `the Opsgenie key cannot ${cannot}. ${ADVICE}` }
    if (result !== 'allowed') return inconclusive(result.failure)
  }
  const deletes = await probe(opsgenie.probes.delete)
  if (deletes === 'forbidden') return { status: 'ok', broad: false }
  if (deletes !== 'allowed') return inconclusive(deletes.failure)
  if (allowBroad) return { status: 'ok', broad: true }
  return {
    status: 'refused',
    reason:
      'the Opsgenie key has Delete Access, which the relay never needs (is it a desktop key?). ' +
      `${ADVICE} Or pass --allow-broad-opsgenie-key to accept it anyway.`,
  }
}

function inconclusive(failure: OpsgenieFailure): KeyVerdict {
  if (failure.kind === 'bad-key')
    return { status: 'refused', reason: `Opsgenie rejected the key: ${failure.message}` }
  return { status: 'unknown', reason: `could not check the Opsgenie key: ${failure.message}` }
}
