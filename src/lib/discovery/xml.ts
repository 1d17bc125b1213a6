/**
 * Text for XML documents that strangers' feed readers and crawlers parse: whatever an editor or an
 * import put in a title, the document stays well-formed.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab and line breaks, lone
 * surrogates, U+FFFE and U+FFFF), and the C1 controls and DEL it allows but a reader shows as
 * garbage: a parser stops at the first, so they are dropped rather than escaped (they cannot be).
 */
const NOT_XML_TEXT = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text as element content or an attribute value. Entities rather than CDATA: a CDATA section ends
 * at the first `]]>` in the text, while `>` escaped cannot end anything.
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_TEXT, '').replace(/[&<>"']/g, (character) => ENTITIES[character])
}

/** `<name>text</name>`, the text escaped. */
export const xmlElement = (name: string, text: string): string => `<${name}>${xmlText(text)}</${name}>`
