import { z } from 'zod'
import { Alert, Incident, OnCall, Schedule, Service, Team, User, Escalation } from '../domain'
import { ActionOutcome } from '../provider/outcome'
import { CATALOGUE, COMMAND_KINDS, type Catalogue, type CommandKind } from '../commands/catalogue'
import { event, request, type RequestChannel } from './define'
import { DiagnosticsReport, DiagnosticsSaved, RendererLogInput } from './diagnostics'
import { AlertsLink } from './links'
import {
  Capabilities,
  ConnectionHealth,
  IntakeEvent,
  NotificationAction,
  NotificationRequest,
  SecretStatus,
  SetSecretInput,
  TrayStatus,
  WorkspaceConfig,
  WorkspaceId,
} from './schemas'

/**
 * The one IPC contract between the renderer and main, used by the Electron preload and by browser
 * mode's WebSocket transport alike. Adding a method: add the channel here, a handler in main's
 * router (the type system then demands it), and a test for its rejections. Responder actions
 * are not added here but to the command catalogue (`src/shared/commands`), which makes the channel.
 */
const ws = z.object({ workspaceId: WorkspaceId })
const withWs = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.extend(ws.shape)
/**
 * Who is asking, for the governor: a click is `user`, the outbox replaying queued commands is
 * `replay` (so a responder's live click goes ahead of a backlog). Optional; main defaults to `user`.
 */
const RequestPriority = z.enum(['user', 'replay', 'sync', 'import'])
const act = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) =>
  withWs(schema).extend({ requestPriority: RequestPriority.optional() })
type ActChannel<S extends z.ZodObject> = RequestChannel<
  ReturnType<typeof act<S['shape']>>,
  typeof ActionOutcome
>
/** One channel per catalogue command, named by its kind (`alerts:close` and so on). */
type CommandChannels = { [K in CommandKind]: ActChannel<Catalogue[K]['input']> }
function commandChannels(): CommandChannels {
  const channels: Partial<Record<CommandKind, unknown>> = {}
  for (const kind of COMMAND_KINDS) {
    const input: z.ZodObject = CATALOGUE[kind].input
    channels[kind] = request(act(input), ActionOutcome)
  }
  // one channel per kind, built by the loop above; TypeScript cannot follow a loop over keys
  return channels as CommandChannels
}
const NoteList = z
  .array(z.object({ note: z.string(), createdAt: z.string().optional() }))
  .nullable()
const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().optional() })

export const requests = {
  'app:info': request(
    z.object({}),
    z.object({ version: z.string(), mode: z.enum(['desktop', 'web']) }),
  ),

  'workspace:connect': request(z.object({ workspace: WorkspaceConfig }), Capabilities),
  'workspace:disconnect': request(ws, z.object({})),
  'workspace:setSecret': request(SetSecretInput, z.object({})),
  'workspace:deleteSecrets': request(ws, z.object({})),
  'workspace:secretStatus': request(ws, SecretStatus),
  'workspace:openDemo': request(z.object({}), WorkspaceConfig),

  ...commandChannels(),

  'alerts:get': request(
    ws.extend({ alertId: z.string().min(1), by: z.enum(['id', 'alias', 'tiny']).default('id') }),
    Alert.nullable(),
  ),
  'alerts:notes': request(
    ws.extend({ alertId: z.string().min(1), by: z.enum(['id', 'alias']).default('id') }),
    NoteList,
  ),
  'alerts:list': request(
    ws.extend({
      query: z.string().max(2000).default('status:open'),
      cursor: z.string().optional(),
    }),
    page(Alert),
  ),

  'incidents:notes': request(ws.extend({ incidentId: z.string().min(1) }), NoteList),
  'incidents:get': request(ws.extend({ incidentId: z.string().min(1) }), Incident.nullable()),
  'incidents:list': request(
    ws.extend({ query: z.string().min(1).max(2000), cursor: z.string().optional() }),
    page(Incident),
  ),

  'requests:status': request(
    ws.extend({ domain: z.enum(['alert', 'incident']), requestId: z.string().min(1) }),
    ActionOutcome,
  ),

  'directory:services': request(ws.extend({ cursor: z.string().optional() }), page(Service)),
  'directory:teams': request(ws, z.array(Team)),
  'directory:users': request(ws.extend({ cursor: z.string().optional() }), page(User)),
  'directory:schedules': request(ws, z.array(Schedule)),
  'directory:onCalls': request(
    ws.extend({
      scheduleId: z.string().min(1),
      at: z.string().datetime({ offset: true }).optional(),
    }),
    OnCall,
  ),
  'directory:escalations': request(ws, z.array(Escalation)),

  'intake:start': request(ws.extend({ cursor: z.string().optional() }), ConnectionHealth),
  'intake:health': request(ws, ConnectionHealth),
  'governor:state': request(ws, z.record(z.string(), z.unknown())),

  'notifications:show': request(NotificationRequest, z.object({ shown: z.boolean() })),
  'tray:setStatus': request(TrayStatus, z.object({})),

  /** Fire and forget: main writes the line to its log, rate-limited (see gateway/diagnostics). */
  'log:write': request(RendererLogInput, z.object({})),
  'diagnostics:export': request(z.object({ report: DiagnosticsReport }), DiagnosticsSaved),

  /**
   * The desktop app's latest `ondeck://alerts` link not yet applied, validated by main (null when
   * none): the page asks on start and after each `links:arrived`, so a link that opened the app
   * before the page listened is not lost. Desktop only (browser mode has its address bar).
   */
  'links:take': request(z.object({}), AlertsLink.nullable()),
} as const

export const events = {
  'intake:event': event(IntakeEvent),
  'intake:health': event(ConnectionHealth),
  'governor:changed': event(ws.extend({ state: z.record(z.string(), z.unknown()) })),
  'notifications:action': event(NotificationAction),
  'app:resumed': event(z.object({ at: z.number() })),
  'notifications:paused': event(z.object({ until: z.number().nullable() })),
  /** The desktop app's global shortcut while an alarm rings: acknowledge what rings. */
  'notifications:acknowledgeRinging': event(z.object({ at: z.number() })),
  'app:updateAvailable': event(z.object({ version: z.string() })),
  /** An `ondeck://` link was opened and validated: the page takes it with `links:take`. */
  'links:arrived': event(z.object({ at: z.number() })),
} as const

export type Requests = typeof requests
export type Events = typeof events
export type RequestName = keyof Requests
export type EventName = keyof Events
export type RequestInput<N extends RequestName> = z.input<Requests[N]['input']>
export type ParsedInput<N extends RequestName> = z.output<Requests[N]['input']>
export type RequestOutput<N extends RequestName> = z.output<Requests[N]['output']>
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>
