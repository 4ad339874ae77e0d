import type { ReactElement } from 'react'

export function App(): ReactElement {
  return (
    <main>
      <h1>Ondeck</h1>
      <p>Connect a workspace or open the Demo workspace.</p>
    </main>
  )
}
