// The CSP nonce of the current response, handed from the server to <Scripts>.
import { createContext, useContext } from 'react'

export const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
