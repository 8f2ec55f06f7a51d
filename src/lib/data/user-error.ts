/**
 * Errors whose message is written for the user: Dutch, saying what happened and what to
 * do. Every error the app raises on purpose extends this class; anything else that reaches
 * the user is unexpected and is replaced by a Dutch explanation (engine-errors.ts
 * `userMessage`), never shown as it is.
 */
export class UserError extends Error {}
