/**
 * The attributes of an action that only reads (the registry's default is
 * destructive): MCP clients may call it without asking.
 */
export const READ_ONLY_ACTION = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;
