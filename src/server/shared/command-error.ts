/** A mistake on the command line: shown to the person as it is, with nothing changed. */
export class CommandError extends Error {}
