import { z } from 'zod'
import { UpstreamEvent } from '../domain/upstream-event'
import { checkEndpointText } from '../secure-endpoint'

/** Shapes that appear in several channels of the contract. */
export const WorkspaceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'workspace ids are lowercase letters, digits and dashes')

/**
 * A URL that a key or token may be sent to: https, or plain http to this computer only (the
 * simulator, the Demo workspace). Checked here so a bad one is refused at the IPC boundary with
 * the reason; main checks again where the credential is used.
 */
const secureUrl = (what: string) =>
  z.string().superRefine((text, ctx) => {
    const problem = checkEndpointText(text, what)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
  })

/** `us`, `eu` or the base URL of an Opsgenie-compatible API. */
export const Host = z.string().superRefine((text, ctx) => {
  if (text === 'us' || text === 'eu') return
  const problem = checkEndpointText(text, 'Opsgenie host')
  if (problem !== undefined)
    ctx.addIssue({ code: 'custom', message: `use us, eu or a base URL: ${problem}` })
})
export const RelayUrl = secureUrl('relay URL')

/**
 * What main needs to act for a workspace; the secrets themselves are looked up in the keychain.
 * `host` and `relayUrl` must match what the secrets were stored for (`workspace:setSecret`):
 * main refuses a connect that names another place rather than send a key there.
 */
/**
 * A Jira Service Management Operations site (issue 16). With it, `host` is the site URL
 * (`https://<site>.atlassian.net`) that the API token is bound to, as an Opsgenie key to its host;
 * `apiUrl` is where the ops API lives (default `https://api.atlassian.com`; main accepts only that
 * or the site's own origin, so the token cannot be pointed elsewhere); `email` is who the token
 * acts as; `incidentProject` the service project whose Incident issues are the incidents.
 */
export const JsmSite = z.object({
  apiUrl: secureUrl('JSM API URL').optional(),
  email: z.string().email().max(254),
  cloudId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'a cloud id is letters, digits and dashes')
    .optional(),
  incidentProject: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key like OPS or INC')
    .optional(),
})
export type JsmSite = z.infer<typeof JsmSite>

export const WorkspaceConfig = z.object({
  id: WorkspaceId,
  name: z.string().min(1).max(100),
  host: Host,
  relayUrl: RelayUrl.optional(),
  demo: z.boolean().default(false),
  /** Absent: Opsgenie. `jsm` needs `jsm` (main refuses to connect without it). */
  provider: z.enum(['opsgenie', 'jsm']).optional(),
  jsm: JsmSite.optional(),
})
export type WorkspaceConfig = z.infer<typeof WorkspaceConfig>

export const SecretKind = z.enum(['api-key', 'relay-token'])

/**
 * A secret to store, with the one place it may be sent: the API key with its Opsgenie host, the
 * relay token with its relay URL. Setting a secret is the only way to choose that place.
 */
const SecretValue = z.string().min(1).max(4096)
export const SetSecretInput = z.discriminatedUnion('kind', [
  z.object({
    workspaceId: WorkspaceId,
    kind: z.literal('api-key'),
    value: SecretValue,
    host: Host,
  }),
  z.object({
    workspaceId: WorkspaceId,
    kind: z.literal('relay-token'),
    value: SecretValue,
    relayUrl: RelayUrl,
  }),
])

/** Whether a secret is set: the only thing the renderer may ever learn about it. */
export const SecretStatus = z.object({
  apiKey: z.boolean(),
  relayToken: z.boolean(),
  keychain: z.object({ available: z.boolean(), reason: z.string().optional() }),
})

export const Capabilities = z.object({
  keyKind: z.enum(['global', 'team', 'account', 'unknown']),
  account: z.string().optional(),
  plan: z.string().optional(),
  canWrite: z.boolean(),
  readOnlyReason: z.string().optional(),
  /** What this kind of key cannot do in Ondeck, in plain words (shown on the connect screen). */
  limits: z.array(z.string()).optional(),
  incidents: z.object({ available: z.boolean(), reason: z.string().optional() }),
  services: z.object({ available: z.boolean(), reason: z.string().optional() }),
})
export type Capabilities = z.infer<typeof Capabilities>

/**
 * How poll mode finds changes (Diagnostics shows it). `updatedAt-query`: a search on `updatedAt`,
 * which Opsgenie does not document; the fallbacks use only documented parts of the API:
 * alerts listed newest-updated first (`sort=updatedAt`), incidents as a snapshot of the most
 * recently created open and resolved ones. See src/main/gateway/intake/README.md.
 */
export const PollStrategy = z.object({
  alerts: z.enum(['updatedAt-query', 'updatedAt-sort']),
  incidents: z.enum(['updatedAt-query', 'recent-snapshot']),
})
export type PollStrategy = z.infer<typeof PollStrategy>

export const ConnectionHealth = z.object({
  workspaceId: WorkspaceId,
  state: z.enum(['live', 'polling', 'degraded', 'offline']),
  lastEventAt: z.number().optional(),
  detail: z.string().optional(),
  pollStrategy: PollStrategy.optional(),
})
export type ConnectionHealth = z.infer<typeof ConnectionHealth>

/**
 * One upstream event as it reaches the renderer; `cursor` is what to resume after. Main has
 * already read it through the provider: `payload` is a domain event, never the provider's wire
 * format, and the renderer parses it with this schema before applying it.
 */
export const IntakeEvent = z.object({
  workspaceId: WorkspaceId,
  cursor: z.string(),
  source: z.enum(['relay', 'poll', 'reconcile']),
  receivedAt: z.number(),
  payload: UpstreamEvent,
})
export type IntakeEvent = z.infer<typeof IntakeEvent>

export const NotificationRequest = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  actions: z.array(z.enum(['acknowledge', 'close', 'open'])).max(3),
  urgent: z.boolean().default(false),
})

export const NotificationAction = z.object({
  notificationId: z.string(),
  action: z.enum(['acknowledge', 'close', 'open', 'click']),
})

/** What the tray shows; the renderer decides it from the cache, main only draws it. */
export const TrayStatus = z.object({
  state: z.enum(['clear', 'open', 'unacknowledged-p1', 'offline']),
  openAlerts: z.number().int().nonnegative(),
  queuedCommands: z.number().int().nonnegative(),
  /** Open alerts nobody has acknowledged: the badge (dock, Unity launcher, taskbar overlay). */
  unacknowledged: z.number().int().nonnegative().optional(),
  /** An alarm is ringing: the dock bounces, the taskbar flashes and an update install waits. */
  ringing: z.boolean().optional(),
  /** How many alerts ring (the ringing rules decide; not every unacknowledged alert rings). */
  ringingCount: z.number().int().nonnegative().optional(),
})
export type TrayStatus = z.infer<typeof TrayStatus>
