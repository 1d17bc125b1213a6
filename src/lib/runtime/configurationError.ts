/** A setting the operator must change: the server says what and why in one line, and does not start. */
export class ConfigurationError extends Error {}
