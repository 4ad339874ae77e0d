import { randomUUID } from 'node:crypto'
import type { Actor } from './alert-ops'
import type { AlertRecord, EscalationRecord } from './store'

export type WebhookEvent =
  | {
      kind: 'alert'
      action: string
      alert: AlertRecord
      actor: Actor
      at: number
      requestId: string
      extra?: Record<string, string>
    }
  | {
      kind: 'escalate'
      alert: AlertRecord
      escalation: EscalationRecord
      notify: { name: string; id: string; entity: string }
      at: number
    }

export interface WebhookIntegration {
  id: string
  name: string
}

/**
 * Builds the outgoing-webhook JSON text, shaped like the zulip fixtures (API-NOTES §7).
 * `updatedAt`/`insertedAt` are epoch nanoseconds beyond 2^53, so they are spliced into the
 * text as integer literals; going through a JS number would lose the last digits.
 */
export class WebhookPayloads {
  private seq = 0
  private readonly marker = `__ns_${randomUUID().replaceAll('-', '')}_`

  constructor(private readonly integration: WebhookIntegration) {}

  build(event: WebhookEvent): string {
    return this.render(
      event.kind === 'alert' ? this.alertPayload(event) : this.escalatePayload(event),
    )
  }

  private nanos(ms: number): string {
    this.seq = (this.seq + 1) % 1_000_000
    return `${this.marker}${(BigInt(ms) * 1_000_000n + BigInt(this.seq)).toString()}`
  }

  private render(payload: unknown): string {
    return JSON.stringify(payload).replace(new RegExp(`"${this.marker}(\\d+)"`, 'g'), '$1')
  }

  private alertPayload(e: Extract<WebhookEvent, { kind: 'alert' }>): Record<string, unknown> {
    const a = e.alert
    const core: Record<string, unknown> = {
      alertId: a.id,
      message: a.message,
      ...(e.action === 'Delete' ? {} : { tags: [...a.tags] }),
      tinyId: a.tinyId,
      source: a.source,
      entity: a.entity,
      alias: a.alias,
      createdAt: a.createdAt,
      updatedAt: this.nanos(e.at),
      username: e.actor.username,
      userId: e.actor.userId,
      priority: a.priority,
    }
    const team = a.responders.find((r) => r.type === 'team')
    const created =
      e.action === 'Create'
        ? {
            recipients: a.responders.map((r) => r.name),
            teams: a.responders.filter((r) => r.type === 'team').map((r) => r.id),
            responders: a.responders.map((r) => ({ id: r.id, type: r.type, name: r.name })),
            ...(team ? { team: team.name } : {}),
            actions: [...a.actions],
            description: a.description.slice(0, 1000),
            details: { ...a.details },
            insertedAt: this.nanos(a.createdAt),
            ...(a.tags.length > 0 ? { addedTags: a.tags.join(',') } : {}),
          }
        : {}
    return {
      action: e.action,
      alert: { ...core, ...created, ...e.extra },
      source: { name: e.actor.username, type: 'API' },
      integrationId: this.integration.id,
      integrationName: this.integration.name,
      integrationType: 'Webhook',
      ...(e.action === 'Create'
        ? { alertFlowContext: { requestId: e.requestId, traceId: e.requestId, content: {} } }
        : {}),
    }
  }

  private escalatePayload(e: Extract<WebhookEvent, { kind: 'escalate' }>): Record<string, unknown> {
    return {
      escalationId: e.escalation.id,
      headers: {},
      integrationName: this.integration.name,
      escalationNotify: {
        name: e.notify.name,
        id: e.notify.id,
        type: 'default',
        entity: e.notify.entity,
      },
      integrationId: this.integration.id,
      escalationName: e.escalation.name,
      alert: { alertId: e.alert.id },
      escalationTime: 0,
      action: 'Escalate',
      repeatCount: 0,
    }
  }
}
