'use client'

import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'

import { callApi } from './browserApi'

export type Reader = { id: number; displayName: string; email?: string; notifyByEmail?: boolean; phoneMasked?: string | null; phoneVerifiedAt?: string | null }

type ReaderState = {
  /** undefined while the browser is still asking who is logged in. */
  reader: Reader | null | undefined
  setReader: (reader: Reader | null) => void
  logout: () => Promise<void>
}

const ReaderContext = createContext<ReaderState>({ reader: undefined, setReader: () => {}, logout: async () => {} })

/**
 * Who is logged in is asked by the browser (`/api/readers/me` with the cookie), never by the server
 * render, so every page's HTML is the same for everyone and stays cacheable.
 */
export function ReaderProvider({ children }: { children: ReactNode }) {
  const [reader, setReader] = useState<Reader | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    void callApi<{ user: Reader | null }>('/api/readers/me', 'GET').then((answer) => {
      if (live) setReader(answer.ok ? (answer.data?.user ?? null) : null)
    })
    return () => {
      live = false
    }
  }, [])
  const logout = useCallback(async () => {
    await callApi('/api/readers/logout', 'POST')
    setReader(null)
  }, [])
  return <ReaderContext.Provider value={{ reader, setReader, logout }}>{children}</ReaderContext.Provider>
}

export const useReader = () => useContext(ReaderContext)
