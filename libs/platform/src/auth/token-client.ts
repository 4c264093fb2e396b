/**
 * How a service calls another service's API as its own organisation: it trades its API key for
 * an access token at the issuer and reuses the token until shortly before it expires.
 */
export class AccessTokenClient {
  private current?: { token: string; renewAt: number };

  constructor(
    private readonly tokenUrl: string,
    private readonly apiKey: string,
    private readonly now: () => number = Date.now,
  ) {}

  async authorization(): Promise<string> {
    if (!this.current || this.now() >= this.current.renewAt) {
      const response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: this.apiKey }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`the token issuer at ${this.tokenUrl} answered ${response.status}`);
      const body = (await response.json()) as { accessToken: string; expiresIn: number };
      this.current = { token: body.accessToken, renewAt: this.now() + Math.max(10, body.expiresIn - 30) * 1000 };
    }
    return `Bearer ${this.current.token}`;
  }
}
