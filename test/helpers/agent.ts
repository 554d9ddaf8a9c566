import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_PASSWORD } from './app.ts';

/**
 * A tiny browser over app.inject(): keeps cookies, reads the CSRF token from the last page and
 * sends forms the way a browser without JavaScript would.
 */
export class Agent {
  cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (match) this.csrfToken = match[1];
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a urlencoded form; fetches a page first when no CSRF token is known yet. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf !== false && !this.csrfToken) await this.get('/');
    const body = new URLSearchParams();
    if (options.csrf !== false && this.csrfToken) body.append('_csrf', this.csrfToken);
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    await this.get('/aanmelden');
    return this.post('/aanmelden', { email, password });
  }
}
