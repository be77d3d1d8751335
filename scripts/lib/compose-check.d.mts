/** Problems of the compose file in `dir` (empty when it is valid). */
export function checkCompose(dir?: string, env?: Record<string, string | undefined>, file?: string): string[];
