/**
 * Hallwright's version as the design report prints it. The renderer cannot read package.json (the
 * renderer's TypeScript project does not include it), so the number is written here too, and a
 * test keeps the two equal.
 */
export const HALLWRIGHT_VERSION = '0.1.0';
