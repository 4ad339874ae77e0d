import type { IpcRouter } from '../gateway/ipc/router'

/**
 * Watches the router for a real workspace connecting (not the Demo): the first one turns launch
 * at login on (see `shell/login-item.ts`). The answer passes through unchanged.
 */
export function onWorkspaceConnected(router: IpcRouter, connected: () => void): IpcRouter {
  return {
    async dispatch(channel, input, sender) {
      const answer = await router.dispatch(channel, input, sender)
      if (channel === 'workspace:connect' && answer.ok && !isDemoConnect(input)) connected()
      return answer
    },
  }
}

function isDemoConnect(input: unknown): boolean {
  const workspace = (input as { workspace?: { demo?: unknown } } | null)?.workspace
  return workspace?.demo === true
}
