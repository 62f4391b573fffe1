// Runs a loader or action and reduces what it did to a status a test can compare:
// 200 for data, the status of a thrown or returned Response (302 for redirects).

export type Handler = (args: {
  request: Request
  params: Record<string, string>
  context: { clientIp: string; cspNonce: string }
}) => unknown

export async function statusOf(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<number> {
  try {
    return statusOfValue(await handler({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } }))
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

export function statusOfValue(value: unknown): number {
  if (value instanceof Response) return value.status
  // Remix's data() wraps a value with a ResponseInit.
  if (value && typeof value === 'object' && 'type' in value && value.type === 'DataWithResponseInit') {
    const init = (value as { init?: { status?: number } | null }).init
    return init?.status ?? 200
  }
  return 200
}

/** The body of a data() result, for checking what an action said. */
export function dataOf<T = Record<string, unknown>>(value: unknown): T {
  if (value && typeof value === 'object' && 'data' in value) return (value as { data: T }).data
  return value as T
}

/** Runs a loader or action; a Response it throws (a redirect, a 4xx) comes back as its value. */
export async function run(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  try {
    return await handler({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
