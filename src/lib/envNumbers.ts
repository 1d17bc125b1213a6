/** A positive whole number from a setting, at most `max`; anything else (unset, 0, text) means the default. */
export function positiveInteger(raw: string | undefined, fallback: number, max: number): number {
  const value = Number(raw)
  return raw && Number.isSafeInteger(value) && value > 0 ? Math.min(value, max) : fallback
}
