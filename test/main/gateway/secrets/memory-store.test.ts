import { beforeEach, describe } from 'vitest'
import {
  createMemorySecretStore,
  type SecretStore,
} from '../../../../src/main/gateway/secrets/index'
import { secretStoreContract } from './store-contract'

describe('memory secret store (Demo workspace only)', () => {
  let store: SecretStore
  beforeEach(() => {
    store = createMemorySecretStore()
  })
  secretStoreContract(() => store)
})
