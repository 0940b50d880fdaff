import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorId, PARTICIPANT_COOKIE, setParticipantCookie } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { PHOTO_MAX_BYTES } from '../photos/schemas.ts';
import { acceptPhotoBodies, photoBytes } from '../photos/upload.ts';
import { surveyParticipantLimit as perParticipant } from '../surveys/rate-limits.ts';
import {
  ActionBody,
  ActionPatchBody,
  BlockImportBody,
  BlocksBody,
  CreatedBody,
  CreatedManyBody,
  DisplayNameBody,
  EstateParams,
  IdParams,
  InspectionBody,
  InspectorMeBody,
  InviteBody,
  InviteEntryBody,
  InviteListBody,
  InviteParams,
  NewActionBody,
  NewBlockBody,
  NewInspectionBody,
  NewStandardBody,
  ResultsBody,
  ResultsQuery,
  StandardBody,
  StandardsBody,
  SummaryBody,
  SummaryQuery,
  TokenParams,
} from './schemas.ts';
import * as service from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

export interface InspectionRouteOptions {
  /** The origin people use (PUBLIC_ORIGIN), for invite links; else the request's own. */
  publicOrigin: string | undefined;
}

/** Block inspections: standards, blocks and invites (officers), inspecting (inspectors), results (everyone, counts under 5 withheld). */
export const inspectionRoutes: FastifyPluginAsyncTypebox<InspectionRouteOptions> = async (app, options) => {
  const inspector = (request: FastifyRequest) =>
    service.inspectorOf(app.db.db, request.cookies[PARTICIPANT_COOKIE]);

  app.post(
    '/estates/:code/standards',
    {
      schema: {
        summary: 'A new version of what is inspected on an estate: items, how each is scored, its target (0–1)',
        tags: ['inspections'],
        params: EstateParams,
        body: NewStandardBody,
        response: { 201: StandardBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createStandard(app.db.db, request.params.code, request.body, actorId(request))),
  );

  app.get(
    '/estates/:code/standards',
    {
      schema: {
        summary: "An estate's current standard and its earlier versions",
        tags: ['inspections'],
        params: EstateParams,
        response: { 200: StandardsBody, ...refusals },
      },
    },
    async (request) => service.standardsOf(app.db.db, request.params.code),
  );

  app.post(
    '/estates/:code/blocks',
    {
      schema: {
        summary: 'Add a block or place to inspect: a named point, optionally with an outline',
        tags: ['inspections'],
        params: EstateParams,
        body: NewBlockBody,
        response: { 201: CreatedBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await service.createBlock(app.db.db, request.params.code, request.body, actorId(request)) }),
  );

  app.post(
    '/estates/:code/blocks/import',
    {
      schema: {
        summary: 'Add blocks from GeoJSON outlines (a FeatureCollection, each feature with properties.name)',
        tags: ['inspections'],
        params: EstateParams,
        body: BlockImportBody,
        response: { 201: CreatedManyBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ ids: await service.importBlocks(app.db.db, request.params.code, request.body, actorId(request)) }),
  );

  app.get(
    '/estates/:code/blocks',
    {
      schema: { summary: "An estate's blocks and places", tags: ['inspections'], params: EstateParams, response: { 200: BlocksBody, ...refusals } },
    },
    async (request) => ({ blocks: await service.blocksOf(app.db.db, request.params.code) }),
  );

  app.post(
    '/estates/:code/inspectors',
    {
      schema: {
        summary: 'A link that makes whoever opens it an inspector of this estate (no account, no personal data)',
        tags: ['inspections'],
        params: EstateParams,
        response: { 201: InviteBody, ...refusals },
      },
    },
    async (request, reply) => {
      const origin = options.publicOrigin ?? `${request.protocol}://${request.host}`;
      const inviteUrl = await service.createInvite(app.db.db, request.params.code, origin, actorId(request));
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ inviteUrl });
    },
  );

  app.get(
    '/estates/:code/inspector-invites',
    {
      schema: {
        summary: "An estate's inspector invite links, newest first, with how many phones opened each (officers)",
        tags: ['inspections'],
        params: EstateParams,
        response: { 200: InviteListBody, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { invites: await service.invitesOf(app.db.db, request.params.code) };
    },
  );

  app.delete(
    '/estates/:code/inspector-invites/:id',
    {
      schema: {
        summary: 'Stop an invite link: it opens nothing more, and the phones that joined through it can no longer inspect (officers)',
        tags: ['inspections'],
        params: InviteParams,
        response: { 200: InviteEntryBody, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.revokeInvite(app.db.db, request.params.code, request.params.id, actorId(request));
    },
  );

  app.get(
    '/inspector-invites/:token',
    {
      schema: {
        summary: 'Open an inspector invite: the participant cookie with the inspector role, then the inspection page',
        tags: ['inspections'],
        params: TokenParams,
        response: { 303: Type.Null(), 404: ErrorBody, 429: ErrorBody },
      },
      config: { rateLimit: perParticipant },
    },
    async (request, reply) => {
      const { token, areaCode } = await service.acceptInvite(app.db.db, request.params.token);
      setParticipantCookie(app, request, reply, token);
      reply.header('cache-control', 'no-store');
      return reply.redirect(`/inspect/${encodeURIComponent(areaCode)}`, 303);
    },
  );

  app.get(
    '/inspect/me',
    {
      schema: {
        summary: "An inspector's estate, its current standard and blocks",
        tags: ['inspections'],
        response: { 200: InspectorMeBody, ...refusals, 429: ErrorBody },
      },
      config: { rateLimit: perParticipant },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.inspectorView(app.db.db, await inspector(request));
    },
  );

  app.put(
    '/inspect/me',
    {
      schema: {
        summary: 'The name an inspector chooses (never published)',
        tags: ['inspections'],
        body: DisplayNameBody,
        response: { 204: Type.Null(), ...refusals, 429: ErrorBody },
      },
      config: { rateLimit: perParticipant },
    },
    async (request, reply) => {
      await service.chooseDisplayName(app.db.db, await inspector(request), request.body.displayName);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/inspections',
    {
      schema: {
        summary: 'An inspection from an inspector’s phone: 201 stored, 200 the same again (a retry), 409 the same id with other content',
        tags: ['inspections'],
        body: NewInspectionBody,
        response: { 200: InspectionBody, 201: InspectionBody, ...refusals, 409: ErrorBody, 429: ErrorBody },
      },
      config: { rateLimit: perParticipant },
    },
    async (request, reply) => {
      const { created, inspection } = await service.submitInspection(app.db.db, await inspector(request), request.body);
      return reply.code(created ? 201 : 200).send(inspection);
    },
  );

  // The raw image parser lives in this child context only: no other route takes image bodies.
  await app.register(async (child) => {
    const upload = child.withTypeProvider<TypeBoxTypeProvider>();
    acceptPhotoBodies(upload);
    upload.put(
      '/inspections/:id/photo',
      {
        schema: {
          summary: 'A photo of your own inspection (raw JPEG, PNG or WebP, at most 8 MB); stored re-encoded, without EXIF or GPS',
          tags: ['inspections'],
          params: IdParams,
          response: {
            200: Type.Object({ width: Type.Integer(), height: Type.Integer() }),
            201: Type.Object({ width: Type.Integer(), height: Type.Integer() }),
            ...refusals,
            409: ErrorBody,
            413: ErrorBody,
            415: ErrorBody,
            429: ErrorBody,
          },
        },
        bodyLimit: PHOTO_MAX_BYTES,
        config: { rateLimit: perParticipant },
      },
      async (request, reply) => {
        const who = await inspector(request);
        const { created, width, height } = await service.storeInspectionPhoto(app.db.db, who, request.params.id, photoBytes(request.body));
        return reply.code(created ? 201 : 200).send({ width, height });
      },
    );
  });

  // An officer's example photo of a standard met, shown to inspectors beside the item.
  await app.register(async (child) => {
    const upload = child.withTypeProvider<TypeBoxTypeProvider>();
    acceptPhotoBodies(upload);
    upload.put(
      '/inspection-items/:id/example-photo',
      {
        schema: {
          summary: "An item's example photo (raw JPEG, PNG or WebP, at most 8 MB; officers); stored re-encoded, without EXIF or GPS, replacing any before",
          tags: ['inspections'],
          params: IdParams,
          response: { 200: Type.Object({ width: Type.Integer(), height: Type.Integer() }), ...refusals, 413: ErrorBody, 415: ErrorBody },
        },
        bodyLimit: PHOTO_MAX_BYTES,
      },
      async (request) => service.storeItemExamplePhoto(app.db.db, request.params.id, photoBytes(request.body)),
    );
  });

  app.get(
    '/inspection-items/:id/example-photo',
    {
      schema: {
        summary: "An item's example photo (JPEG; public, chosen by officers)",
        tags: ['inspections'],
        params: IdParams,
        response: { 200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' }), ...refusals },
      },
    },
    async (request, reply) => {
      const photo = await service.itemExamplePhoto(app.db.db, request.params.id);
      return reply
        .type(photo.mime)
        .header('cache-control', 'no-cache')
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );

  app.get(
    '/inspections/:id/photo',
    {
      schema: {
        summary: "An inspection's photo (JPEG; officers only)",
        tags: ['inspections'],
        params: IdParams,
        response: { 200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' }), ...refusals },
      },
    },
    async (request, reply) => {
      const photo = await service.inspectionPhoto(app.db.db, request.params.id);
      return reply
        .type(photo.mime)
        // Officers only, and may show faces or doors: never kept by a browser or a proxy.
        .header('cache-control', 'no-store')
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );

  app.get(
    '/inspections/summary',
    {
      schema: {
        summary: 'Per block and item: inspections meeting the standard, n, share with Wilson 95% interval (0–1), status against the target',
        tags: ['inspections'],
        querystring: SummaryQuery,
        response: { 200: SummaryBody, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      return service.summary(app.db.db, request.principal, request.query.estate, request.query.period);
    },
  );

  app.get(
    '/estates/:code/inspection-results',
    {
      schema: {
        summary: 'A month of results: blocks and items against their targets and the estate, trends, "you said, we did", defects (no inspector named)',
        tags: ['inspections'],
        params: EstateParams,
        querystring: ResultsQuery,
        response: { 200: ResultsBody, ...refusals },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      return service.results(app.db.db, request.principal, request.params.code, request.query);
    },
  );

  app.post(
    '/inspection-actions',
    {
      schema: {
        summary: 'Turn a failed item of a block in a month into a "you said, we did" action (again = the same one)',
        tags: ['inspections'],
        body: NewActionBody,
        response: { 200: ActionBody, 201: ActionBody, ...refusals },
      },
    },
    async (request, reply) => {
      const { created, action } = await service.createAction(app.db.db, request.body, actorId(request));
      return reply.code(created ? 201 : 200).send(action);
    },
  );

  app.patch(
    '/inspection-actions/:id',
    {
      schema: {
        summary: 'Answer a "you said, we did" action, set its status, close or reopen it',
        tags: ['inspections'],
        params: IdParams,
        body: ActionPatchBody,
        response: { 200: ActionBody, ...refusals },
      },
    },
    async (request) => service.patchAction(app.db.db, request.params.id.toLowerCase(), request.body, actorId(request)),
  );
};
