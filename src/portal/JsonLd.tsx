/**
 * Structured data in `<script type="application/ld+json">`: a data block, not a script, so the
 * Content Security Policy lets it be inline. `<` is escaped so no text in it can close the element.
 */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
}
