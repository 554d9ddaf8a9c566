import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import helmet from 'helmet';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { fileURLToPath } from 'node:url';
import { accountsRoutes } from './modules/accounts/accounts.routes.tsx';
import { adminRoutes } from './modules/accounts/admin.routes.tsx';
import { hasDemoData } from './modules/accounts/accounts.repository.ts';
import { authenticate } from './modules/accounts/authenticate.ts';
import { directoryRoutes } from './modules/directory/directory.routes.tsx';
import { hsdsRoutes } from './modules/directory/hsds.routes.ts';
import { directoryUpkeepRoutes } from './modules/directory/upkeep.routes.tsx';
import { neighbourhoodRoutes } from './modules/directory/neighbourhood.routes.tsx';
import { practicesRoutes } from './modules/practices/practices.routes.tsx';
import { reflectionRoutes } from './modules/reflection/reflection.routes.tsx';
import { casesRoutes } from './modules/cases/cases.routes.tsx';
import { signalsRoutes } from './modules/signals/signals.routes.tsx';
import { collaborationRoutes } from './modules/collaboration/collaboration.routes.tsx';
import { networksRoutes } from './modules/collaboration/networks.routes.tsx';
import { pulseRoutes } from './modules/collaboration/pulse.routes.tsx';
import { eventsRoutes } from './modules/collaboration/events.routes.tsx';
import { regionsRoutes } from './modules/regions/regions.routes.ts';
import { regionFiguresRoutes } from './modules/regions/region-figures.routes.ts';
import { regionPagesRoutes } from './modules/regions/regions.pages.tsx';
import { installRouteGuard, type RegisteredRoute } from './platform/authz/route-guard.ts';
import type { Deps } from './platform/deps.ts';
import { registerErrorHandling } from './platform/http/error-handler.tsx';
import { rejectNulCharacters } from './platform/http/input-guard.ts';
import { sheddingServer } from './platform/http/load-shedding.ts';
import './platform/http/types.ts';
import { chooseLocale, LANGUAGE_COOKIE, translator } from './platform/i18n/i18n.ts';
import { shellRoutes } from './platform/views/shell.routes.tsx';

export interface BuildAppOptions {
  deps: Deps;
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Extra routes for tests (e.g. one that throws, to see the error page). */
  extraRoutes?: (app: FastifyInstance) => void;
}

export interface BrugwerkApp extends FastifyInstance {
  registeredRoutes: RegisteredRoute[];
}

const publicDir = fileURLToPath(new URL('./public', import.meta.url));

/** Paths whose last part is a secret link (a family's consent or view link, a reset, an invitation, a calendar). */
const secretLinkPath =
  /^\/(toestemming|inzage|wachtwoord-herstellen|uitnodiging|kalender|inschrijving)\/[^/?#]+/;

/**
 * What the request log keeps of a request: never the secret in a link, so reading the log does not
 * open a family's page (ARCHITECTURE §4).
 */
function requestForLog(request: { method: string; url: string; id: unknown }) {
  return { method: request.method, url: request.url.replace(secretLinkPath, '/$1/…'), id: request.id };
}

export async function buildApp(options: BuildAppOptions): Promise<BrugwerkApp> {
  const { deps } = options;
  // The security headers, built once (@fastify/helmet rebuilt the whole middleware on every request).
  // No inline scripts or styles at all, so no per-request nonces: the policy is the same on every answer.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  const app = Fastify({
    // Past MAX_CONCURRENT_REQUESTS a request is refused in the HTTP server, before Fastify.
    serverFactory: sheddingServer(deps.config.maxConcurrentRequests, securityHeaders),
    logger: options.logger
      ? { ...(options.logger === true ? {} : options.logger), serializers: { req: requestForLog } }
      : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any hook runs: answered in the same JSON shape, in Dutch.
    frameworkErrors: (err, _request, rawReply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const t = translator('nl');
      return (rawReply as unknown as FastifyReply).status(tooLong ? 414 : 400).send({
        error: {
          code: tooLong ? 'UriTooLong' : 'BadUrl',
          message: t(tooLong ? 'error.uriTooLong' : 'error.badRequest'),
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Platform, in the order requests meet it.
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('t', translator('nl'));
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', String(request.id));
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Brugwerk API', version: '1', description: 'Brugwerk JSON API' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // The OpenAPI document describes the JSON APIs (/api/v1, /api/hsds) and /health, not the HTML pages.
    transform: (input) => {
      const documented = input.url.startsWith('/api/') || input.url === '/health';
      const result = jsonSchemaTransform(input);
      return documented ? result : { ...result, schema: { ...result.schema, hide: true } };
    },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));
  await app.register(cookie, { secret: deps.config.secrets.SESSION_SECRET });
  // After the cookie plugin, so the language cookie is parsed.
  app.addHook('onRequest', async (request) => {
    request.locale = chooseLocale(request.cookies?.[LANGUAGE_COOKIE]);
    request.t = translator(request.locale);
  });
  await app.register(formbody);
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
  });
  await app.register(csrf, {
    cookieKey: deps.config.secureCookies ? '__Host-brugwerk_csrf' : 'brugwerk_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      signed: true,
    },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });
  await app.register(fastifyStatic, { root: publicDir, serve: false });
  app.addHook('onRequest', authenticate(deps));
  app.addHook('preValidation', rejectNulCharacters);
  const registeredRoutes = installRouteGuard(app);
  registerErrorHandling(app);
  app.decorate('demoMode', await hasDemoData(deps.db));

  app.get('/health', { config: { permission: 'public' } }, async () => ({
    status: 'ok',
    database: deps.engine,
  }));
  app.get('/static/*', { config: { permission: 'public' } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=3600').sendFile(file);
  });
  app.get('/api/v1/openapi.json', { config: { permission: 'public' } }, async () => app.swagger());

  // Modules, each owning its routes.
  await app.register(shellRoutes(deps));
  await app.register(accountsRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(regionsRoutes(deps));
  await app.register(directoryRoutes(deps));
  await app.register(hsdsRoutes(deps));
  await app.register(directoryUpkeepRoutes(deps));
  await app.register(neighbourhoodRoutes(deps));
  await app.register(practicesRoutes(deps));
  await app.register(reflectionRoutes(deps));
  await app.register(collaborationRoutes(deps));
  await app.register(networksRoutes(deps));
  await app.register(pulseRoutes(deps));
  await app.register(eventsRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(signalsRoutes(deps));
  await app.register(regionPagesRoutes(deps));
  await app.register(regionFiguresRoutes(deps));
  options.extraRoutes?.(app);

  await app.ready();
  return Object.assign(app, { registeredRoutes }) as unknown as BrugwerkApp;
}
