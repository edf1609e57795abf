/**
 * A loggable view of an error without its message: database and validation messages
 * can quote the offending values (e-mails, names), so only the type, code and stack
 * frames are kept.
 */
export function describeError(error: unknown): { type: string; code?: string; frames?: string[] } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    frames: error.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 8)
      .map((line) => line.trim()),
  };
}
