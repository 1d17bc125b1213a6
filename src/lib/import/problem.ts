import { type Language, type Message, translate } from '../i18n/translate'

/**
 * What the importer tells its operator: a message, put in their language when it is printed, or text
 * that came in it already (Payload's validation, made in the run's language) or in no one's
 * (PostgreSQL's, the file system's, a download's).
 */
export type Said = Message | string

export const sayIn = (said: Said, language: Language): string => (typeof said === 'string' ? said : translate(said, language))

/** Why something in an archive cannot be taken as it is, and the field it is about when there is one. */
export class ImportProblem extends Error {
  constructor(
    readonly reason: Message,
    readonly field?: string,
  ) {
    super(translate(reason, 'en'))
  }
}

/** An error as the operator is told it. */
export const reasonOf = (error: unknown): Said => (error instanceof ImportProblem ? error.reason : error instanceof Error ? error.message : String(error))
