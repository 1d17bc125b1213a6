/** Admin settings for a JSON field the server writes: read-only, shown as text (src/components/JsonView.tsx). */
export const jsonViewAdmin = { readOnly: true, components: { Field: '/components/JsonView#JsonView' } } as const
