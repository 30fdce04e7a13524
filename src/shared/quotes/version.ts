/**
 * The version of the quotation rules. A cache of parsed articles keys on it: bump it whenever
 * extraction would give different quotations for the same text.
 */
export const QUOTE_RULES_VERSION = 23
