'use client'

import { createContext, type ReactNode, useContext, useState } from 'react'

const SIZES = [
  { value: 'large', label: '大' },
  { value: 'medium', label: '中' },
  { value: 'small', label: '小' },
] as const
type Size = (typeof SIZES)[number]['value']

const FontSizeContext = createContext<{ size: Size; setSize: (size: Size) => void }>({ size: 'medium', setSize: () => {} })

/** The article's 字体 大/中/小 control and the body it resizes share this state. */
export function FontSizeProvider({ children }: { children: ReactNode }) {
  const [size, setSize] = useState<Size>('medium')
  return <FontSizeContext.Provider value={{ size, setSize }}>{children}</FontSizeContext.Provider>
}

export function FontSizeControl() {
  const { size, setSize } = useContext(FontSizeContext)
  return (
    <div className="font-size-control" data-testid="font-size-control" role="group" aria-label="字体">
      <span aria-hidden="true">字体：</span>
      {SIZES.map((option) => (
        <button key={option.value} type="button" aria-pressed={size === option.value} onClick={() => setSize(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  )
}

export function ArticleBody({ children }: { children: ReactNode }) {
  const { size } = useContext(FontSizeContext)
  return (
    <div className={`article-body text-${size}`} data-testid="article-body" id="article-body">
      {children}
    </div>
  )
}
