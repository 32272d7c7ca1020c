/*
 * The package's name in messages and its docs address: a module of its own,
 * so code that only labels messages (the CLI's input checks) does not load
 * the engine and its rules.
 */

/** Where rule docs live; each rule links its own readme. */
export const docsBase = 'https://github.com/retext-credibility/retext-credibility/blob/main/rules/'

/** Message `source` of every finding. */
export const source = 'retext-credibility'
