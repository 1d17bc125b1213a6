/**
 * Correction requests (纠错): the status machine, the labels, the requests' titles, quote matching,
 * plain text of an article body, the schema.org notices and the reporter's lookup token. Pure: the
 * collections and endpoints build on it.
 */
export {
  ALLOWED_TRANSITIONS,
  checkTransition,
  CORRECTION_FIELD_LABELS,
  CORRECTION_KIND_LABELS,
  CORRECTION_KINDS,
  CORRECTION_NOTICE_LABELS,
  CORRECTION_STATUS_LABELS,
  CORRECTION_STATUSES,
  type CorrectionKind,
  type CorrectionStatus,
  ERROR_TYPE_LABELS,
  ERROR_TYPES,
  type ErrorType,
  isCorrectionStatus,
  type Label,
  OPEN_STATUSES,
} from './statuses'
export { normaliseQuote, quoteOccursIn } from './quote'
export { correctionRequestTitle, TITLE_QUOTE_LENGTH, type TitledRequest } from './title'
export { lexicalToPlainText } from './lexical'
export { correctionJsonLd, type CorrectionCommentLd } from './jsonLd'
export { hashLookupToken, newLookupToken } from './token'
