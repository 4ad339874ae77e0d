/**
 * The relay's only door into the desktop gateway's code: the typed Opsgenie client (ky + zod, with
 * its error kinds and host check) and the rate governor, both Electron-free. Everything the Slack
 * commands send to Opsgenie goes through `RelayOpsgenie`, every call through the governor at
 * `user` priority, so the relay never grows a second client. Whether src/relay may import
 * src/main/gateway is the lead's boundary decision; keeping it to this one file makes either
 * answer (allow it here, or move the client to a shared package) a one-file change.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { rateDomainOf } from '../../shared/opsgenie/rate-domains'
/* eslint-disable boundaries/dependencies -- the one relay -> gateway door (see above) */
import {
  budgetsFromRequestLimits,
  createGovernor,
  type Governor,
} from '../../main/gateway/governor/index'
import { classifyOpsgenie } from '../../main/gateway/provider/opsgenie/outcome-mapping'
import {
  createOpsgenieClient,
  isOpsgenieError,
  type CreateAlertInput,
  type EscalationRecord,
  type FlatOnCalls,
  type OpsgenieClient,
  type OpsgenieFailure,
  type ProcessedRequest,
  type ScheduleRecord,
  type TeamRecord,
  type UserRecord,
} from '../../main/gateway/provider/opsgenie/index'
import { dataEnvelope, Accepted } from '../../main/gateway/provider/opsgenie/schemas/common'
/* eslint-enable boundaries/dependencies */

export { isOpsgenieError }
export type { EscalationRecord, OpsgenieFailure, ScheduleRecord, TeamRecord, UserRecord }

export interface RelayOpsgenieOptions {
  /** `us`, `eu` or a base URL (https, or http to loopback only; the client enforces it). */
  readonly host: string
  readonly apiKey: string
  readonly timeoutMs?: number
}

/** Flat next on-calls: the spec's string arrays (`*Participants`); some answers say `*Recipients`. */
const FlatNextOnCalls = z.object({
  nextOnCallParticipants: z.array(z.string()).optional(),
  nextOnCallRecipients: z.array(z.string()).optional(),
})

export interface RelayOpsgenie {
  createAlert(input: CreateAlertInput): Promise<string>
  /** Polls the request status (each poll governed) until processed or `timeoutMs` passes. */
  confirm(requestId: string, timeoutMs: number): Promise<ProcessedRequest | 'pending'>
  listTeams(): Promise<TeamRecord[]>
  listSchedules(): Promise<ScheduleRecord[]>
  listEscalations(): Promise<EscalationRecord[]>
  listUsers(): Promise<UserRecord[]>
  onCallNow(scheduleId: string): Promise<FlatOnCalls>
  onCallNext(scheduleId: string): Promise<string[]>
  /** Side-effect-free probes of the key's rights; see `key-check.ts`. */
  readonly probes: {
    account(): Promise<unknown>
    configuration(): Promise<unknown>
    write(): Promise<unknown>
    delete(): Promise<unknown>
  }
  /**
   * Budgets the governor with the account's own limits (`GET /v2/request-limits`) instead of the
   * cautious defaults; false when they could not be read (the defaults stay).
   */
  learnLimits(): Promise<boolean>
  dispose(): void
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function createRelayOpsgenie(options: RelayOpsgenieOptions): RelayOpsgenie {
  const client: OpsgenieClient = createOpsgenieClient({
    host: options.host,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 10_000,
  })
  // One governor for the relay: Opsgenie's buckets are per account, like a desktop workspace's.
  const governor: Governor = createGovernor()
  const governed = <T>(method: string, path: string, call: () => Promise<T>): Promise<T> =>
    governor.run(rateDomainOf(method, path), 'user', call, classifyOpsgenie)
  const noSuchAlias = (): string => `ondeck-relay-key-check-${randomUUID()}`

  return {
    createAlert: async (input) =>
      (await governed('POST', '/v2/alerts', () => client.alerts.create(input))).requestId,
    async confirm(requestId, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const status = await governed('GET', '/v2/alerts/requests/x', () =>
          client.alerts.requestStatus(requestId),
        )
        if (status.state === 'processed') return status
        if (Date.now() + 250 > deadline) return 'pending'
        await pause(250)
      }
    },
    listTeams: () => governed('GET', '/v2/teams', () => client.config.listTeams()),
    listSchedules: () => governed('GET', '/v2/schedules', () => client.config.listSchedules()),
    listEscalations: () =>
      governed('GET', '/v2/escalations', () => client.config.listEscalations()),
    listUsers: async () =>
      (await governed('GET', '/v2/users', () => client.config.listAllUsers())).items,
    onCallNow: (id) => governed('GET', '/v2/schedules/x/on-calls', () => client.config.onCalls(id)),
    async onCallNext(id) {
      const answer = await governed('GET', '/v2/schedules/x/next-on-calls', () =>
        client.http.send({
          method: 'GET',
          path: `/v2/schedules/${encodeURIComponent(id)}/next-on-calls`,
          query: { flat: true, scheduleIdentifierType: 'id' },
          schema: dataEnvelope(FlatNextOnCalls),
        }),
      )
      return answer.data.nextOnCallParticipants ?? answer.data.nextOnCallRecipients ?? []
    },
    probes: {
      account: () => governed('GET', '/v2/account', () => client.config.getAccount()),
      configuration: () => governed('GET', '/v2/teams', () => client.config.listTeams()),
      // Acknowledging, then deleting, an alias that cannot exist changes nothing in the account.
      write: () =>
        governed('POST', '/v2/alerts/x/acknowledge', () =>
          client.alerts.acknowledge({ alias: noSuchAlias() }, { note: 'Ondeck relay key check' }),
        ),
      delete: () =>
        governed('DELETE', '/v2/alerts/x', () =>
          client.http.send({
            method: 'DELETE',
            path: `/v2/alerts/${noSuchAlias()}`,
            query: { identifierType: 'alias' },
            schema: Accepted,
          }),
        ),
    },
    async learnLimits() {
      try {
        const limits = await governed('GET', '/v2/request-limits', () =>
          client.config.getRequestLimits(),
        )
        governor.setBudgets(budgetsFromRequestLimits({ data: limits }))
        return true
      } catch (error) {
        if (isOpsgenieError(error)) return false
        throw error
      }
    },
    dispose: () => governor.dispose(),
  }
}
