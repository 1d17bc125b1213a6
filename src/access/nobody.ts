/**
 * For operations no API caller may perform; server code uses the Local API with overrideAccess.
 * Typed as plain `false` so the one function fits every slot: collection, global, field and admin.
 */
export const nobody = (): false => false
