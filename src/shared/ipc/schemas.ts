import { z } from 'zod'

/** Shapes that appear in several channels of the contract. */
export const WorkspaceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'workspace ids are lowercase letters, digits and dashes')

export const Host = z.union([z.enum(['us', 'eu']), z.string().url()])

/** What main needs to act for a workspace; the secrets themselves are looked up in the keychain. */
export const WorkspaceConfig = z.object({
  id: WorkspaceId,
  name: z.string().min(1).max(100),
  host: Host,
  relayUrl: z.string().url().optional(),
  demo: z.boolean().default(false),
})
export type WorkspaceConfig = z.infer<typeof WorkspaceConfig>

export const SecretKind = z.enum(['api-key', 'relay-token'])

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
  incidents: z.object({ available: z.boolean(), reason: z.string().optional() }),
  services: z.object({ available: z.boolean(), reason: z.string().optional() }),
})
export type Capabilities = z.infer<typeof Capabilities>

export const ConnectionHealth = z.object({
  workspaceId: WorkspaceId,
  state: z.enum(['live', 'polling', 'degraded', 'offline']),
  lastEventAt: z.number().optional(),
  detail: z.string().optional(),
})
export type ConnectionHealth = z.infer<typeof ConnectionHealth>

/** One upstream event as it reaches the renderer; `cursor` is what to resume after. */
export const IntakeEvent = z.object({
  workspaceId: WorkspaceId,
  cursor: z.string(),
  source: z.enum(['relay', 'poll', 'reconcile']),
  receivedAt: z.number(),
  /** The raw webhook JSON text for relay events (nanosecond timestamps intact); entity JSON otherwise. */
  payload: z.string(),
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
})
export type TrayStatus = z.infer<typeof TrayStatus>
