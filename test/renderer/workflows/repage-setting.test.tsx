// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RepageSetting } from '../../../src/renderer/src/workflows/RepageSetting'
import { viewRig } from '../incidents/view-support'

afterEach(cleanup)

describe('Re-page existing responders', () => {
  it('is off by default and turning it on is stored in the workspace settings', async () => {
    const rig = await viewRig()
    rig.render(<RepageSetting />)
    const box = await screen.findByRole('checkbox', { name: 'Re-page existing responders' })
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false))
    expect((box as HTMLInputElement).checked).toBe(false)
    fireEvent.click(box)
    await waitFor(async () =>
      expect((await rig.coordination.settings()).repageExistingResponders).toBe(true),
    )
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true))
  })
})
